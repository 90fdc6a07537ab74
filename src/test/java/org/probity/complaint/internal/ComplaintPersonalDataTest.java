package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal data is encrypted at rest and never left in Camunda's variables or history. */
@ProbityTest
class ComplaintPersonalDataTest {

  static final String NAME = "Zanele Okonkwo-Haddad";
  static final String NARRATIVE_MARK = "Rumplestiltskin-Quarry-7";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  String file() throws Exception {
    Map<String, Object> values = ComplaintFixtures.intake("excessive-force", "medium");
    values.put("piiComplainantName", NAME);
    values.put("piiNarrative", "At the checkpoint near " + NARRATIVE_MARK + " I was beaten by two officers.");
    values.put("piiSubjectName", "Officer " + NARRATIVE_MARK);
    HttpResponse<String> response = HttpSession.basic(port, "intake", "demo").postJson("/api/complaints", new ObjectMapper().writeValueAsString(values));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new ObjectMapper().readTree(response.body()).path("reference").asText();
  }

  @Test
  void namesContactsAndNarrativeAreEncryptedAtRest() throws Exception {
    String reference = file();
    Map<String, Object> complainant = jdbc.queryForMap("select * from complaint_complainant where reference = ?", reference);
    assertThat((String) complainant.get("NAME_ENC")).startsWith("v1:").doesNotContain(NAME).doesNotContain("Zanele");
    assertThat((String) complainant.get("EMAIL_ENC")).startsWith("v1:").doesNotContain("@");
    assertThat(jdbc.queryForObject("select narrative_enc from complaint where reference = ?", String.class, reference)).startsWith("v1:").doesNotContain(NARRATIVE_MARK);
    assertThat(jdbc.queryForObject("select name_enc from complaint_subject where reference = ?", String.class, reference)).startsWith("v1:").doesNotContain(NARRATIVE_MARK);
  }

  @Test
  void noPersonalDataStaysInTheEnginesRuntimeVariables() throws Exception {
    file();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ like 'pii%'", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where TEXT_ like ?", Integer.class, "%" + NAME + "%")).isZero();
  }

  /** The engine's pii* history filter (common.forms.ProbityHistoryLevel), for variables and submitted form fields. */
  @Test
  void noPersonalDataReachesTheEnginesHistory() throws Exception {
    file();
    for (String table : new String[] {"ACT_HI_VARINST", "ACT_HI_DETAIL"}) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ?", Integer.class, "%" + NAME + "%")).as(table).isZero();
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ?", Integer.class, "%" + NARRATIVE_MARK + "%")).as(table).isZero();
    }
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
