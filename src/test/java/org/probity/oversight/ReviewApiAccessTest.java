package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Committee members see the reviews they take part in; a recused member cannot open the file":
 * the review API over real HTTP, with member3 recused from the review under test.
 */
@ProbityTest
class ReviewApiAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  ProcessInstance pi;
  String reference;

  @BeforeEach
  void reviewWithMember3Recused() {
    ReviewDriver drive = new ReviewDriver(runtime, tasks, management, jdbc);
    pi = drive.startOwnMotion("Military Police");
    drive.admit(pi);
    drive.declareAndRule(pi, Set.of("member3"));
    drive.inquiryStep(
        pi,
        Map.of("inquiryStep", "visit-or-hearing", "recordKind", "site-visit", "recordDate", LocalDate.now().toString(),
            "piiAttendees", "Sgt. B. Witness", "recordSummary", "Visited the detention block"));
    reference = drive.reviewColumn(pi, "reference");
  }

  @AfterEach
  void end() {
    runtime.deleteProcessInstance(pi.getId(), "test finished");
  }

  private HttpSession as(String user) {
    return HttpSession.basic(port, user, "demo");
  }

  private List<String> listed(String user) throws Exception {
    var response = as(user).get("/api/oversight/reviews");
    assertThat(response.statusCode()).as(user).isEqualTo(200);
    List<String> references = new ArrayList<>();
    json.readTree(response.body()).forEach(r -> references.add(r.get("reference").asText()));
    return references;
  }

  @Test
  void participatingMembersTheChairAndAuditorsListTheReviewTheRecusedMemberDoesNot() throws Exception {
    assertThat(listed("member1")).contains(reference);
    assertThat(listed("chair")).contains(reference);
    assertThat(listed("auditor")).contains(reference);
    assertThat(listed("member3")).doesNotContain(reference);
  }

  @Test
  void aRecusedMemberCannotOpenTheFile() {
    var response = as("member3").get("/api/oversight/reviews/" + reference);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("Military Police").doesNotContain("Witness");
  }

  @Test
  void aParticipatingMemberReadsTheWholeFile() throws Exception {
    var response = as("member1").get("/api/oversight/reviews/" + reference);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode file = json.readTree(response.body());
    assertThat(file.get("reference").asText()).isEqualTo(reference);
    assertThat(file.get("scope").asText()).contains("Use of force");
    assertThat(file.get("members")).hasSize(4);
    JsonNode member3 = null;
    for (JsonNode member : file.get("members")) {
      if (member.get("username").asText().equals("member3")) {
        member3 = member;
      }
    }
    assertThat(member3.get("ruling").asText()).isEqualTo("recuse");
    assertThat(file.get("inquiry").get(0).get("attendees").asText()).isEqualTo("Sgt. B. Witness");
  }

  @Test
  void theChairReadsItAndAnAuditorReadsItWithWhoWasHeardRedacted() throws Exception {
    assertThat(as("chair").get("/api/oversight/reviews/" + reference).statusCode()).isEqualTo(200);
    var auditor = as("auditor").get("/api/oversight/reviews/" + reference);
    assertThat(auditor.statusCode()).isEqualTo(200);
    assertThat(json.readTree(auditor.body()).get("inquiry").get(0).get("attendees").asText()).isEqualTo("[redacted]");
    assertThat(auditor.body()).doesNotContain("Witness");
  }

  @Test
  void otherRolesAndAnonymousUsersAreRefused() {
    for (String user : List.of("investigator", "analyst", "intake", "admin")) {
      assertThat(as(user).get("/api/oversight/reviews").statusCode()).as(user).isEqualTo(403);
      assertThat(as(user).get("/api/oversight/reviews/" + reference).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(HttpSession.anonymous(port).get("/api/oversight/reviews/" + reference).statusCode()).isIn(401, 302);
  }

  @Test
  void anUnknownReferenceIsNotFoundForTheChairAndForbiddenForAMember() {
    assertThat(as("chair").get("/api/oversight/reviews/OVR-1999-999999").statusCode()).isEqualTo(404);
    assertThat(as("member1").get("/api/oversight/reviews/OVR-1999-999999").statusCode()).isEqualTo(403);
  }

  @Test
  void aMemberOfAnotherReviewOnlyCannotOpenThisOne() {
    // member3 takes part in no review here: recused in this one; another member's file is closed to them too
    assertThat(as("member3").get("/api/oversight/reviews/" + reference).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject(
            "select count(*) from oversight_member m join oversight_review r on r.id = m.review_id"
                + " where r.reference = ? and m.username = 'member3' and m.ruling = 'recuse'", Integer.class, reference))
        .isEqualTo(1);
  }
}
