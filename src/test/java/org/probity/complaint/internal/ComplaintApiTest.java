package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff API: intake through the engine's start form, who reads what, appeals by intake. */
@ProbityTest
class ComplaintApiTest {

  static final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  HttpSession as(String user) {
    return HttpSession.basic(port, user, "demo");
  }

  String register(Map<String, Object> values) throws Exception {
    HttpResponse<String> response = as("intake").postJson("/api/complaints", json.writeValueAsString(values));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("receipt").asText()).matches("[A-Z2-7]{26}");
    return body.path("reference").asText();
  }

  JsonNode read(String user, String reference) throws Exception {
    HttpResponse<String> response = as(user).get("/api/complaints/" + reference);
    assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void intakeOfficersRegisterThroughTheEngineOthersMayNot() throws Exception {
    String reference = register(ComplaintFixtures.intake("threats", "medium"));
    assertThat(jdbc.queryForObject("select registered_by from complaint where reference = ?", String.class, reference)).isEqualTo("intake");
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    assertThat(jdbc.queryForObject("select START_USER_ID_ from ACT_HI_PROCINST where ID_ = ?", String.class, instance)).isEqualTo("intake");
    String body = json.writeValueAsString(ComplaintFixtures.intake("threats", "medium"));
    int before = jdbc.queryForObject("select count(*) from complaint", Integer.class);
    assertThat(as("investigator").postJson("/api/complaints", body).statusCode()).isEqualTo(403);
    assertThat(HttpSession.anonymous(port).postJson("/api/complaints", body).statusCode()).isIn(401, 403);
    Map<String, Object> unknown = ComplaintFixtures.intake("threats", "medium");
    unknown.put("status", "closed");
    HttpResponse<String> refused = as("intake").postJson("/api/complaints", json.writeValueAsString(unknown));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("fields").has("status")).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from complaint", Integer.class)).isEqualTo(before);
  }

  @Test
  void complainantIdentityIsShownOnlyToTheCaseTeam() throws Exception {
    String reference = register(ComplaintFixtures.intake("excessive-force", "medium"));
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    var triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
    taskService.complete(triage.getId(), Map.of("route", "internal-investigation"));
    String assigned = (String) runtimeService.getVariable(instance, "investigator");
    String other = assigned.equals("investigator") ? "investigator2" : "investigator";

    for (String user : new String[] {"intake", "chair", assigned}) {
      JsonNode view = read(user, reference);
      assertThat(view.path("complainant").path("name").asText()).as(user).isEqualTo(ComplaintFixtures.COMPLAINANT_NAME);
      assertThat(view.path("subject").path("name").asText()).as(user).contains("Dupont");
      assertThat(view.path("narrative").asText()).contains("baton");
    }
    for (String user : new String[] {other, "member1", "auditor"}) {
      JsonNode view = read(user, reference);
      assertThat(view.toString()).as(user).doesNotContain(ComplaintFixtures.COMPLAINANT_NAME).doesNotContain(ComplaintFixtures.COMPLAINANT_EMAIL).doesNotContain("Dupont");
      assertThat(view.path("complainant").path("mode").asText()).isEqualTo("confidential");
    }
    assertThat(read("auditor", reference).path("narrative").asText()).isEqualTo("[withheld]");
    assertThat(as("analyst").get("/api/complaints/" + reference).statusCode()).isEqualTo(403);
    assertThat(as("intake").get("/api/complaints/CMP-1999-999999").statusCode()).isEqualTo(404);
    assertThat(as("intake").get("/api/complaints/not-a-reference").statusCode()).isEqualTo(404);
  }

  @Test
  void intakeLodgesAnAppealOnlyWhileTheWindowIsOpen() throws Exception {
    String reference = register(ComplaintFixtures.anonymous("misconduct-in-service", "low"));
    HttpResponse<String> early = as("intake").postJson("/api/complaints/" + reference + "/appeal", "{\"reason\":\"By phone.\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(jdbc.queryForObject("select count(*) from complaint_appeal where reference = ?", Integer.class, reference)).isZero();
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    var triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
    taskService.complete(triage.getId(), Map.of("route", "local-resolution"));
    var local = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_ResolveLocally").singleResult();
    taskService.complete(local.getId(), Map.of("localResolutionOutcome", "resolved", "localResolutionNotes", "Apology."));
    assertThat(as("intake").postJson("/api/complaints/" + reference + "/appeal", "{\"reason\":\"<b>x</b>\"}").statusCode()).isEqualTo(400);
    assertThat(as("intake").postJson("/api/complaints/" + reference + "/appeal", "{\"reason\":\"x\",\"extra\":1}").statusCode()).isEqualTo(400);
    assertThat(as("investigator").postJson("/api/complaints/" + reference + "/appeal", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> appeal = as("intake").postJson("/api/complaints/" + reference + "/appeal", "{\"reason\":\"The apology was never made.\"}");
    assertThat(appeal.statusCode()).as(appeal.body()).isEqualTo(202);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_ReviewAppeal").count()).isEqualTo(1);
  }

  @Test
  void theSameRulesHoldThroughCamundasRestApi() throws Exception {
    String reference = register(ComplaintFixtures.intake("excessive-force", "medium"));
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    String triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_TriageComplaint").singleResult().getId();
    // an override without a reason is refused on /engine-rest too; nothing changes
    HttpResponse<String> noReason =
        as("investigator").postJson("/engine-rest/task/" + triage + "/complete", "{\"variables\":{\"route\":{\"value\":\"local-resolution\"}}}");
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("routeOverrideReason");
    assertThat(jdbc.queryForObject("select count(*) from complaint_decision where reference = ? and step = 'triage'", Integer.class, reference)).isZero();
    HttpResponse<String> accepted =
        as("investigator").postJson("/engine-rest/task/" + triage + "/complete", "{\"variables\":{\"route\":{\"value\":\"internal-investigation\"}}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select decided_by from complaint_decision where reference = ? and step = 'triage'", String.class, reference)).isEqualTo("investigator");

    String assigned = (String) runtimeService.getVariable(instance, "investigator");
    String investigate = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_InvestigateComplaint").singleResult().getId();
    HttpResponse<String> noFinding =
        as(assigned).postJson("/engine-rest/task/" + investigate + "/complete", "{\"variables\":{\"investigationAction\":{\"value\":\"findings\"}}}");
    assertThat(noFinding.statusCode()).as(noFinding.body()).isEqualTo(400);
    assertThat(noFinding.body()).contains("finding1");
    HttpResponse<String> findings =
        as(assigned).postJson("/engine-rest/task/" + investigate + "/complete",
            "{\"variables\":{\"investigationAction\":{\"value\":\"findings\"},\"finding1\":{\"value\":\"sustained\"},\"finding1Reason\":{\"value\":\"Video.\"}}}");
    assertThat(findings.statusCode()).as(findings.body()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select finding from complaint_allegation where reference = ?", String.class, reference)).isEqualTo("sustained");
    assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_CommitteeReview").count()).isEqualTo(1);
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
