package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.probity.audit.AuditTrail;
import org.probity.bench.LoadHarness.Result;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small run of the load benchmark's harness in the shared test context (no timing), so that it
 * cannot rot: every door of intake and completion, the bare engine, the floor, the seed and a
 * short concurrent run; the counts must be exact (no lost or duplicated completion, one audit
 * entry each). Everything it created is removed afterwards.
 */
@ProbityTest
class LoadHarnessSmokeTest {

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired AuditTrail audit;
  @LocalServerPort int port;

  @Test
  void everyDoorCountsRightAndNothingIsLostOrDuplicated() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    LoadHarness h = new LoadHarness(context, port);
    Set<String> before = h.runningComplaints();
    try {
      h.createUsers(4);
      assertThat(h.floor(2, 20).operations()).isEqualTo(20);

      long complaints = jdbc.queryForObject("select count(*) from complaint", Long.class);
      // one thread: concurrent intakes wait on the reference counter row and can time out on H2 on a loaded machine
      Result bare = h.intakeBare(1, 3);
      Result basic = h.intakeProbity("basic", 1, 3);
      Result session;
      Result sessionAgain;
      LoadHarness.Client[] sessionClients = h.intakeClients("session", 1);
      try {
        // one logged-in session for several runs, as the benchmark's intake rounds keep it
        session = h.intakeProbity("session", sessionClients, 2);
        sessionAgain = h.intakeProbity("session", sessionClients, 1);
      } finally {
        LoadHarness.closeAll(sessionClients);
      }
      assertThat(List.of(bare, basic, session, sessionAgain)).allMatch(r -> r.errors() == 0 && r.operations() > 0);
      assertThat(jdbc.queryForObject("select count(*) from complaint", Long.class)).isEqualTo(complaints + 9);
      assertThat(bare.latency().getTotalCount()).isEqualTo(3);

      long open = h.openTasks();
      // the seed's template complaint adds its own two tasks, then copies fill up to the total
      assertThat(h.seedOpenTasksUpTo((int) open + 30)).isEqualTo(28);
      assertThat(h.openTasks()).isEqualTo(open + 30);
      assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ like 'bload%'", Long.class))
          .isGreaterThanOrEqualTo(28);
      // the completion benchmark goes back and forth between the two sizes
      assertThat(h.removeSeededTasks()).isEqualTo(28);
      assertThat(h.openTasks()).isEqualTo(open + 2);
      assertThat(h.seedOpenTasksUpTo((int) open + 30)).isEqualTo(28);
      assertThat(h.openTasks()).isEqualTo(open + 30);

      for (String door : new String[] {"page", "engine-rest", "bare"}) {
        List<String> tasks = h.openTriageTasks(4, 1);
        Result r = "bare".equals(door) ? h.completeBare(2, tasks) : h.completeProbity(door, 2, tasks);
        assertThat(r.operations()).as(door).isEqualTo(4);
        assertThat(r.errors()).as(door).isZero();
        h.endCases(tasks);
      }

      List<String> tasks = h.openTriageTasks(12, 1);
      LoadHarness.Concurrency c = h.concurrentUsers(4, 60, tasks);
      assertThat(c.errors()).isZero();
      assertThat(c.completed()).isEqualTo(12);
      assertThat(c.queueRanDry()).isTrue();
      assertThat(audit.verify().valid()).isTrue();

      // a completion the driver did not make would be found: a task completed behind its back
      List<String> more = h.openTriageTasks(2, 1);
      h.completeBare(1, more.subList(0, 1));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> h.verifyCompletions(more, java.util.Map.of(more.get(0), "", more.get(1), ""), false))
          .hasMessageContaining("completed in history");
    } finally {
      h.removeLeftovers(before);
      h.close();
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where ID_ like 'bload%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where ID_ like 'bload%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from app_user where username like 'bench-%'", Long.class)).isZero();
    assertThat(h.runningComplaints()).isEqualTo(before);
    // the bare engine's stock history kept the intake's personal data: removed with its instances
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where NAME_ like 'pii%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where NAME_ like 'pii%'", Long.class)).isZero();
  }
}
