package org.probity.common.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared form validation, on every door: Camunda's REST API, Tasklist's copy of it, and the
 * Java API. A refused submission answers 400 naming each field and stores nothing.
 */
@ProbityTest
class SubmissionGuardTest {

  static final String VALID_START =
      """
      {"variables": {
        "title": {"value": "Broken window"},
        "priority": {"value": "low"},
        "amount": {"value": 12, "type": "Long"},
        "incidentDate": {"value": "2026-11-01"},
        "piiName": {"value": "Amani Wanjiru"}
      }}""";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  String deploymentId;
  HttpSession intake;
  HttpSession investigator;

  @BeforeEach
  void deploy() {
    deploymentId =
        repositoryService
            .createDeployment()
            .name("form-probe")
            .addClasspathResource("bpmn/form-probe.bpmn")
            .addClasspathResource("forms-test/form-probe-start.form")
            .addClasspathResource("forms-test/form-probe-review.form")
            .deploy()
            .getId();
    intake = HttpSession.basic(port, "admin", "demo");
    investigator = HttpSession.basic(port, "investigator", "demo");
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  HttpResponse<String> start(String json) {
    return intake.postJson("/engine-rest/process-definition/key/form-probe/start", json);
  }

  long instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("form-probe").count()
        + historyService.createHistoricProcessInstanceQuery().processDefinitionKey("form-probe").count();
  }

  void assertRefused(HttpResponse<String> response, String field, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field + ": " + message);
    assertThat(response.body()).doesNotContain("at org.");
  }

  @Test
  void aValidStartFormStartsTheProcess() {
    HttpResponse<String> response = start(VALID_START);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("form-probe").count()).isEqualTo(1);
  }

  @Test
  void eachRuleOfTheSchemaIsEnforcedOnEngineRestAndNothingIsStored() {
    assertRefused(start("{\"variables\": {\"priority\": {\"value\": \"low\"}}}"), "title", "is required");
    assertRefused(start(VALID_START.replace("\"title\": {\"value\": \"Broken window\"}", "\"title\": {\"value\": \"   \"}")), "title", "is required");
    assertRefused(start(VALID_START.replace("Broken window", "x".repeat(41))), "title", "must be at most 40 characters");
    assertRefused(start(VALID_START.replace("\"low\"", "\"urgent\"")), "priority", "must be one of [low, high]");
    assertRefused(start(VALID_START.replace("\"value\": 12, \"type\": \"Long\"", "\"value\": 1001, \"type\": \"Long\"")), "amount", "must be at most 1000");
    assertRefused(start(VALID_START.replace("\"value\": 12, \"type\": \"Long\"", "\"value\": -1, \"type\": \"Long\"")), "amount", "must be at least 0");
    assertRefused(start(VALID_START.replace("\"value\": 12, \"type\": \"Long\"", "\"value\": \"twelve\"")), "amount", "must be a number");
    assertRefused(start(VALID_START.replace("Broken window", "<script>alert(1)</script>")), "title", "must not contain HTML or script");
    assertRefused(start(VALID_START.replace("2026-11-01", "yesterday")), "incidentDate", "must be a date");
    assertRefused(
        start(VALID_START.replace("\"piiName\"", "\"email\": {\"value\": \"not-an-address\"}, \"piiName\"")), "email", "must be an e-mail address");
    assertRefused(start(VALID_START.replace("\"piiName\"", "\"code\": {\"value\": \"abc-12\"}, \"piiName\"")), "code", "has the wrong format");
    assertRefused(start(VALID_START.replace("\"piiName\"", "\"isAdmin\": {\"value\": true}, \"piiName\"")), "isAdmin", "is not a field of this form");
    assertRefused(start(VALID_START.replace("\"piiName\"", "\"urgent\": {\"value\": \"yes\"}, \"piiName\"")), "urgent", "must be true or false");
    assertThat(instances()).isZero();
  }

  @Test
  void businessRulesOfModulesApplyToo() {
    HttpResponse<String> response =
        start(VALID_START.replace("\"low\"", "\"high\"").replace("\"amount\": {\"value\": 12, \"type\": \"Long\"},", ""));
    assertRefused(response, "amount", "is required when the priority is high");
    assertThat(instances()).isZero();
  }

  @Test
  void aTaskCompletionIsCheckedOnEngineRestAndTheJavaApi() {
    start(VALID_START);
    String taskId = taskService.createTaskQuery().processDefinitionKey("form-probe").singleResult().getId();

    assertRefused(investigator.postJson("/engine-rest/task/" + taskId + "/complete", "{}"), "decision", "is required");
    assertRefused(
        investigator.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {\"decision\": {\"value\": \"reject\"}}}"),
        "reasons",
        "are required for a rejection");
    assertRefused(
        investigator.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\": {\"decision\": {\"value\": \"accept\"}, \"title\": {\"value\": \"Changed\"}}}"),
        "title",
        "is read-only");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(taskId).singleResult().getExecutionId(), "decision"))
        .isNull();

    Map<String, Object> empty = new HashMap<>();
    assertThatThrownBy(() -> taskService.complete(taskId, empty))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("decision", "is required"));

    HttpResponse<String> ok =
        investigator.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {\"decision\": {\"value\": \"accept\"}}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
  }

  @Test
  void tasklistSubmissionsAreCheckedTheSameWay() {
    start(VALID_START);
    String taskId = taskService.createTaskQuery().processDefinitionKey("form-probe").singleResult().getId();
    HttpSession tasklist = HttpSession.loggedIn(port, "investigator", "demo");
    tasklist.get("/camunda/app/tasklist/default/");
    String xsrf = tasklist.cookie("XSRF-TOKEN");
    HttpResponse<String> refused =
        tasklist.send(
            tasklist
                .request("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\": {}}"))
                .build());
    assertRefused(refused, "decision", "is required");
    HttpResponse<String> accepted =
        tasklist.send(
            tasklist
                .request("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\": {\"decision\": {\"value\": \"accept\"}}}"))
                .build());
    assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void aUserOutsideTheCandidateGroupsGets403EvenWithValidValues() {
    start(VALID_START);
    String taskId = taskService.createTaskQuery().processDefinitionKey("form-probe").singleResult().getId();
    HttpResponse<String> response =
        HttpSession.basic(port, "vetting", "demo")
            .postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {\"decision\": {\"value\": \"accept\"}}}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // with invalid values too: what is wrong with them is only for someone who may submit
    HttpSession outsider = HttpSession.basic(port, "vetting", "demo");
    HttpResponse<String> invalid = outsider.postJson("/engine-rest/task/" + taskId + "/complete", "{}");
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(403);
    assertThat(invalid.body()).doesNotContain("decision");
    long before = instances();
    for (String start : List.of(VALID_START, "{\"variables\": {\"priority\": {\"value\": \"urgent\"}}}")) {
      // by id: the key route answers 404 already, for a definition the user may not read
      String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("form-probe").singleResult().getId();
      HttpResponse<String> refused = outsider.postJson("/engine-rest/process-definition/" + definitionId + "/start", start);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("priority").doesNotContain("title");
    }
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void theSideDoorsAroundFormsAreClosedToOrdinaryUsers() {
    start(VALID_START);
    String taskId = taskService.createTaskQuery().processDefinitionKey("form-probe").singleResult().getId();
    HttpResponse<String> setVariables =
        investigator.postJson(
            "/engine-rest/task/" + taskId + "/variables", "{\"modifications\": {\"decision\": {\"value\": \"accept\"}}}");
    assertThat(setVariables.statusCode()).isEqualTo(403);
    HttpResponse<String> message =
        HttpSession.basic(port, "vetting", "demo").postJson("/engine-rest/message", "{\"messageName\": \"VettingReviewRequested\"}");
    assertThat(message.statusCode()).isEqualTo(403);

    identityService.setAuthentication("investigator", java.util.List.of("investigators"));
    try {
      assertThatThrownBy(() -> taskService.setVariable(taskId, "decision", "accept")).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void personalDataNeverReachesCamundasHistory() {
    start(VALID_START);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("title").count()).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("piiName").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where NAME_ like 'pii%'", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where TEXT_ like '%Amani%'", Integer.class)).isZero();
  }

  @Test
  void transientValuesFromTheSystemItselfMayPass() {
    Map<String, Object> values = new HashMap<>();
    values.put("title", "From the system");
    values.put("priority", "low");
    values.put("receipt", Variables.stringValue("not stored", true));
    assertThat(runtimeService.startProcessInstanceByKey("form-probe", values).getId()).isNotNull();
  }
  @Test
  void aNewVersionOfAFormBoundAsLatestAppliesAtOnce() throws Exception {
    String bpmn =
        new String(getClass().getResourceAsStream("/bpmn/form-probe.bpmn").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("id=\"form-probe\"", "id=\"form-probe-latest\"")
            .replace("formRefBinding=\"deployment\"", "formRefBinding=\"latest\"");
    String form =
        new String(getClass().getResourceAsStream("/forms-test/form-probe-start.form").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String first = repositoryService.createDeployment().addString("form-probe-latest.bpmn", bpmn).addString("form-probe-start.form", form).deploy().getId();
    String second = null;
    try {
      Map<String, Object> twentyCharacters =
          Variables.createVariables()
              .putValue("title", "x".repeat(20))
              .putValue("priority", "low")
              .putValue("amount", 12L)
              .putValue("incidentDate", "2026-11-01")
              .putValue("piiName", "Amani Wanjiru");
      runtimeService.startProcessInstanceByKey("form-probe-latest", twentyCharacters); // parsed and kept
      runtimeService.startProcessInstanceByKey("form-probe-latest", twentyCharacters); // from what was kept

      second =
          repositoryService.createDeployment()
              .addString("form-probe-start.form", form.replace("\"maxLength\": 40", "\"maxLength\": 10"))
              .deploy()
              .getId();
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("form-probe-latest", twentyCharacters))
          .isInstanceOfSatisfying(
              FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("title", "must be at most 10 characters"));
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("form-probe-latest").count()).isEqualTo(2);
    } finally {
      if (second != null) {
        repositoryService.deleteDeployment(second, true);
      }
      repositoryService.deleteDeployment(first, true);
    }
  }
}
