package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.admin.AdminFixtures.body;
import static org.probity.admin.AdminFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Incidents listed with their cause and retried one by one or in bulk; instances suspended, resumed, cancelled with a reason. */
@ProbityTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  HttpSession admin;
  String definitionId;

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  @BeforeEach
  void deploy() {
    admin = HttpSession.basic(port, "admin", "demo");
    definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-incident").latestVersion().singleResult() != null
            ? repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-incident").latestVersion().singleResult().getId()
            : repositoryService
                .createDeployment()
                .name("operations-test")
                .addInputStream("incident.bpmn", new ByteArrayInputStream(DeploymentRulesTest.resource("incident.bpmn")))
                .deployWithResult()
                .getDeployedProcessDefinitions()
                .get(0)
                .getId();
  }

  /** A started instance whose asynchronous service task has failed for good. */
  String failedInstance() {
    String id = runtimeService.startProcessInstanceById(definitionId, Map.of("fail", true)).getId();
    Job job = managementService.createJobQuery().processInstanceId(id).singleResult();
    managementService.setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("probe asked to fail");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(id).count()).isEqualTo(1);
    runtimeService.setVariable(id, "fail", false);
    return id;
  }

  void runJobOf(String processInstanceId) {
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());
  }

  @Test
  void incidentsAreListedWithTheirCauseAndRetriedOneByOneOrInBulk() {
    String first = failedInstance();
    String second = failedInstance();
    String third = failedInstance();

    JsonNode incidents = json(admin.get("/api/admin/incidents?processDefinitionId=" + definitionId));
    assertThat(incidents.size()).isGreaterThanOrEqualTo(3);
    JsonNode incident = json(admin.get("/api/admin/incidents?processInstanceId=" + first)).get(0);
    assertThat(incident.path("cause").asText()).contains("probe asked to fail");
    assertThat(incident.path("activityId").asText()).isEqualTo("ServiceTask_Record");
    assertThat(incident.path("type").asText()).isEqualTo("failedJob");

    // one by one
    HttpResponse<String> retried = admin.postJson("/api/admin/incidents/" + incident.path("id").asText() + "/retry", "");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    runJobOf(first);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first).count()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(first).count()).isZero();

    // in bulk
    List<String> ids =
        List.of(
            runtimeService.createIncidentQuery().processInstanceId(second).singleResult().getId(),
            runtimeService.createIncidentQuery().processInstanceId(third).singleResult().getId());
    HttpResponse<String> bulk = admin.postJson("/api/admin/incidents/retry", body(Map.of("incidentIds", ids)));
    assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
    runJobOf(second);
    runJobOf(third);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(second, third)).count()).isZero();

    assertThat(admin.postJson("/api/admin/incidents/no-such-incident/retry", "").statusCode()).isEqualTo(404);
  }

  @Test
  void instancesAreSuspendedResumedAndCancelledInBulkWithAReason() {
    String a = runtimeService.startProcessInstanceById(definitionId, Map.of("fail", false)).getId();
    String b = runtimeService.startProcessInstanceById(definitionId, Map.of("fail", false)).getId();
    List<String> both = List.of(a, b);

    HttpResponse<String> noReason = admin.postJson("/api/admin/instances/suspend", body(Map.of("processInstanceIds", both)));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json(noReason).path("fields").has("reason")).isTrue();
    HttpResponse<String> blankReason =
        admin.postJson("/api/admin/instances/cancel", body(Map.of("processInstanceIds", both, "reason", "  ")));
    assertThat(blankReason.statusCode()).isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(both)).active().count()).isEqualTo(2);

    HttpResponse<String> suspended =
        admin.postJson("/api/admin/instances/suspend", body(Map.of("processInstanceIds", both, "reason", "Records office closed")));
    assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(both)).suspended().count()).isEqualTo(2);

    assertThat(admin.postJson("/api/admin/instances/resume", body(Map.of("processInstanceIds", both, "reason", "Reopened"))).statusCode())
        .isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(both)).active().count()).isEqualTo(2);

    HttpResponse<String> cancelled =
        admin.postJson("/api/admin/instances/cancel", body(Map.of("processInstanceIds", both, "reason", "Opened by mistake")));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(both)).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(a).singleResult().getDeleteReason())
        .contains("Opened by mistake")
        .contains("admin");

    HttpResponse<String> unknown =
        admin.postJson("/api/admin/instances/cancel", body(Map.of("processInstanceIds", List.of("nope"), "reason", "x")));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(admin.postJson("/api/admin/instances/explode", body(Map.of("processInstanceIds", both, "reason", "x"))).statusCode())
        .isEqualTo(404);
  }
}
