package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.ui.ExtendedModelMap;

/**
 * A small run of the inbox benchmark's harness in the shared test database (no timing), so that
 * the seeding and the measured code path cannot rot: the seeded group tasks show in the group's
 * inbox and in no other group's. The seeded rows are removed afterwards.
 */
@ProbityTest
class InboxBenchmarkSmokeTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired InboxPages pages;

  @Test
  void theSeededGroupTasksShowInTheGroupsInbox() throws Exception {
    InboxSeed seed = new InboxSeed(engine, dataSource);
    try {
      seed.seed(seed.template(), 500, 120, 1_000);
      ExtendedModelMap model = new ExtendedModelMap();
      pages.inbox(InboxBenchmark.investigator(), null, null, null, null, null, "0", null, null, model);
      Inbox inbox = (Inbox) model.get("inbox");
      assertThat(inbox.rows()).hasSize(InboxService.PAGE_SIZE);
      // the newest seeded tasks come first, each with its case reference
      assertThat(inbox.rows().get(0).businessKey()).isEqualTo("BENCH-0");
      assertThat(inbox.rows()).allMatch(r -> r.name().equals("Review the complaint"));
      assertThat(inbox.countsByProcess().get(InboxSeed.KEY)).isGreaterThanOrEqualTo(120);
      assertThat(inbox.hasNext()).isTrue();
      // the third page holds the 101st-newest seeded group task (every 4th of the 500 is the group's)
      ExtendedModelMap page2 = new ExtendedModelMap();
      pages.inbox(InboxBenchmark.investigator(), null, null, null, null, null, "2", null, null, page2);
      assertThat(((Inbox) page2.get("inbox")).rows()).anyMatch(r -> "BENCH-400".equals(r.businessKey()));

      // another group sees its own share, none of the investigators'
      var vetting = new UsernamePasswordAuthenticationToken("vetting", null, List.of(new SimpleGrantedAuthority("vetting-officers")));
      ExtendedModelMap other = new ExtendedModelMap();
      pages.inbox(vetting, null, null, null, null, null, "0", null, null, other);
      List<Inbox.Row> rows = ((Inbox) other.get("inbox")).rows();
      assertThat(rows).isNotEmpty();
      assertThat(rows).allMatch(r -> r.businessKey() == null || !r.businessKey().startsWith("BENCH-")
          || InboxSeed.groupOf(Integer.parseInt(r.businessKey().substring(6)), 500, 120).equals("vetting-officers"));
      try (var c = dataSource.getConnection(); var s = c.createStatement();
          var rs = s.executeQuery("select count(*) from ACT_HI_PROCINST where ID_ like 'benchh%' and STATE_ = 'COMPLETED'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1_000);
      }
    } finally {
      seed.remove();
    }
  }
}
