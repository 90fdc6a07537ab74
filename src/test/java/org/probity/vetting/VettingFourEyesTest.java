package org.probity.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.FormSubmissionRefused;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelTesting;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Four eyes in personnel-vetting: whoever completed the integrity assessment may not complete the
 * panel decision, and neither they nor a panel decider may review the appeal. The rule runs inside
 * the engine, so it holds on every door: the Java API (which Probity's own pages and /api call),
 * Camunda's /engine-rest, and Tasklist (the webapp's copy of the REST API).
 *
 * <p>The demo cast has nobody who is both a vetting officer and a panel member, as a real
 * installation may. The assessment is therefore completed through the Java API as panel1 holding
 * both groups (identityService.setAuthentication: Camunda's authorization then treats panel1 as a
 * member of both); panel1 then tries the decision with their real account.
 */
@ProbityTest
class VettingFourEyesTest {

  static final String DECISION =
      "{\"variables\": {\"panelDecision\": {\"value\": \"cleared\"}, \"decisionReasons\": {\"value\": \"No adverse information\"}}}";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired PersonnelRegistry registry;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  ProcessInstance caseAssessedBy(String user) {
    String sn = PersonnelTesting.serviceNumber("TEST");
    registry.register(PersonnelTesting.person(sn, "Four Eyes", "Central Police District"), "test");
    ProcessInstance pi = runtime.startProcessInstanceByKey("personnel-vetting", Map.of("serviceNumber", sn, "reason", "promotion"));
    complete(pi, "UserTask_RecordDeclarations", Map.of("assetsDeclared", true, "priorServiceDeclared", true, "educationDeclared", true));
    for (Task reply : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_RecordInstitutionReply").list()) {
      tasks.complete(reply.getId(), Map.of("recordsFound", "no-records", "replySummary", "Nothing on file"));
    }
    identity.setAuthentication(user, List.of("vetting-officers", "vetting-panel"));
    try {
      complete(pi, "UserTask_AssessIntegrity", PersonnelVettingProcessTest.assessment("no"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.getVariable(pi.getId(), "assessors")).isEqualTo(user);
    return pi;
  }

  Task task(ProcessInstance pi, String activityId) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  void complete(ProcessInstance pi, String activityId, Map<String, Object> values) {
    tasks.complete(task(pi, activityId).getId(), values);
  }

  @Test
  void theAssessorCannotDecideThroughTheJavaApi() {
    ProcessInstance pi = caseAssessedBy("panel1");
    String decision = task(pi, "UserTask_DecideVetting").getId();
    identity.setAuthentication("panel1", List.of("vetting-officers", "vetting-panel"));
    assertThatThrownBy(() -> tasks.complete(decision, PersonnelVettingProcessTest.decision("cleared")))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class,
            e -> assertThat(e.fieldErrors())
                .containsEntry(
                    "panelDecision", "may not be decided by an officer who made the integrity assessment of this case (four eyes)"));
    identity.clearAuthentication();
    assertThat(task(pi, "UserTask_DecideVetting")).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "panelDecision")).isNull();

    identity.setAuthentication("panel2", List.of("vetting-panel"));
    tasks.complete(decision, PersonnelVettingProcessTest.decision("cleared"));
    identity.clearAuthentication();
    assertThat(task(pi, "UserTask_RecordAppeal")).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), "panelDeciders")).isEqualTo("panel2");
  }

  @Test
  void theAssessorCannotDecideThroughEngineRestAndNeitherAssessorNorDeciderReviewsTheAppeal() {
    ProcessInstance pi = caseAssessedBy("panel1");
    String decision = task(pi, "UserTask_DecideVetting").getId();

    HttpResponse<String> refused = HttpSession.basic(port, "panel1", "demo").postJson("/engine-rest/task/" + decision + "/complete", DECISION);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("panelDecision: may not be decided by an officer who made the integrity assessment");
    assertThat(task(pi, "UserTask_DecideVetting")).isNotNull();

    HttpResponse<String> accepted = HttpSession.basic(port, "panel2", "demo").postJson("/engine-rest/task/" + decision + "/complete", DECISION);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);

    HttpResponse<String> appeal =
        HttpSession.basic(port, "vetting", "demo")
            .postJson(
                "/engine-rest/task/" + task(pi, "UserTask_RecordAppeal").getId() + "/complete",
                "{\"variables\": {\"appealGrounds\": {\"value\": \"Unfair\"}}}");
    assertThat(appeal.statusCode()).as(appeal.body()).isEqualTo(204);

    String review = task(pi, "UserTask_ReviewAppeal").getId();
    String confirm = "{\"variables\": {\"appealDecision\": {\"value\": \"confirm\"}, \"appealReasons\": {\"value\": \"Sound\"}}}";
    for (String excluded : List.of("panel1", "panel2")) {
      HttpResponse<String> response = HttpSession.basic(port, excluded, "demo").postJson("/engine-rest/task/" + review + "/complete", confirm);
      assertThat(response.statusCode()).as(excluded + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("appealDecision: may not be reviewed by an officer who made the assessment or the panel decision");
    }
    HttpResponse<String> reviewed = HttpSession.basic(port, "panel3", "demo").postJson("/engine-rest/task/" + review + "/complete", confirm);
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theAssessorCannotDecideThroughTasklist() {
    ProcessInstance pi = caseAssessedBy("panel1");
    String decision = task(pi, "UserTask_DecideVetting").getId();
    HttpSession tasklist = HttpSession.loggedIn(port, "panel1", "demo");
    tasklist.get("/camunda/app/tasklist/default/");
    HttpResponse<String> refused =
        tasklist.send(
            tasklist
                .request("/camunda/api/engine/engine/default/task/" + decision + "/submit-form")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(DECISION))
                .build());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("four eyes");
    assertThat(task(pi, "UserTask_DecideVetting")).isNotNull();
  }

  @Test
  void aVettingOfficerStartsThroughEngineRestAndAPanelMemberMayNot() {
    String sn = PersonnelTesting.serviceNumber("TEST");
    registry.register(PersonnelTesting.person(sn, "Rest Start", "Central Police District"), "test");
    String body = "{\"variables\": {\"serviceNumber\": {\"value\": \"" + sn + "\"}, \"reason\": {\"value\": \"recruitment\"}}}";
    HttpResponse<String> panel = HttpSession.basic(port, "panel1", "demo").postJson("/engine-rest/process-definition/key/personnel-vetting/start", body);
    assertThat(panel.statusCode()).isEqualTo(403);
    HttpResponse<String> unknown =
        HttpSession.basic(port, "vetting", "demo")
            .postJson("/engine-rest/process-definition/key/personnel-vetting/start", body.replace(sn, "TEST-777777777"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("serviceNumber: is not registered in the personnel registry");
    HttpResponse<String> started = HttpSession.basic(port, "vetting", "demo").postJson("/engine-rest/process-definition/key/personnel-vetting/start", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("personnel-vetting").variableValueEquals("serviceNumber", sn).singleResult()
            .getBusinessKey())
        .startsWith("VET-");
    assertThat(runtime.getVariable(
            runtime.createProcessInstanceQuery().variableValueEquals("serviceNumber", sn).singleResult().getId(), "requestedBy"))
        .isEqualTo("vetting");
  }
}
