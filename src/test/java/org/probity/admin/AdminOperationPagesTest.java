package org.probity.admin;

import org.probity.support.Batches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operations on the admin pages: incidents retried one by one or chosen, bulk suspend/cancel with a reason, migration previewed then run. */
@ProbityTest
class AdminOperationPagesTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  HttpSession admin;
  String token;

  @BeforeEach
  void logIn() {
    admin = HttpSession.loggedIn(port, "admin", "demo");
    token = HttpSession.csrfTokenFrom(admin.get("/").body());
  }

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  String deploy(String resource, String name) {
    return repositoryService.createDeployment().name("admin pages test").addInputStream(name, new ByteArrayInputStream(DeploymentRulesTest.resource(resource)))
        .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
  }

  /** A started instance whose asynchronous service task has failed for good (as in OperationsTest). */
  String failedInstance(String definitionId) {
    String id = runtimeService.startProcessInstanceById(definitionId, Map.of("fail", true)).getId();
    Job job = managementService.createJobQuery().processInstanceId(id).singleResult();
    managementService.setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("probe asked to fail");
    runtimeService.setVariable(id, "fail", false);
    return id;
  }

  String incidentOf(String instanceId) {
    return runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @Test
  void incidentsAreListedWithTheirCauseAndRetriedOneOrChosen() {
    String definitionId = deploy("incident.bpmn", "admin-incident.bpmn");
    String one = failedInstance(definitionId);
    String two = failedInstance(definitionId);
    String page = admin.get("/admin/incidents?processDefinitionId=" + definitionId).body();
    assertThat(page).contains("probe asked to fail").contains(incidentOf(one)).contains(incidentOf(two));

    HttpResponse<String> retried = admin.postForm("/admin/incidents/" + incidentOf(one) + "/retry", Map.of("_csrf", token));
    assertThat(retried.statusCode()).isEqualTo(302);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(one).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(one).singleResult().getRetries()).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(two).count()).isEqualTo(1);

    assertThat(admin.postForm("/admin/incidents/retry", Map.of("_csrf", token, "incidentIds", incidentOf(two))).statusCode()).isEqualTo(302);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(two).count()).isZero();

    HttpResponse<String> none = admin.postForm("/admin/incidents/retry", Map.of("_csrf", token));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("incidentIds");
  }

  @Test
  void instancesAreSuspendedAndCancelledFromTheVersionPageWithAReason() {
    String definitionId = deploy("path.bpmn", "admin-path.bpmn");
    String a = runtimeService.startProcessInstanceById(definitionId, "APS-1").getId();
    String b = runtimeService.startProcessInstanceById(definitionId, "APS-2").getId();
    String page = admin.get("/admin/versions/" + definitionId).body();
    assertThat(page).contains("value=\"" + a + "\"").contains("value=\"" + b + "\"").contains("APS-1");

    HttpResponse<String> suspended =
        admin.postForm("/admin/instances", Map.of("_csrf", token, "action", "suspend", "processInstanceIds", a, "processDefinitionId", definitionId, "reason", "Under review"));
    assertThat(suspended.statusCode()).isEqualTo(302);
    assertThat(suspended.headers().firstValue("Location").orElse("")).endsWith("/admin/versions/" + definitionId);
    assertThat(admin.get("/admin/versions/" + definitionId).body()).contains("1 instance(s) suspended.");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a).singleResult().isSuspended()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(b).singleResult().isSuspended()).isFalse();

    HttpResponse<String> noReason =
        admin.postForm("/admin/instances", Map.of("_csrf", token, "action", "cancel", "processInstanceIds", b, "processDefinitionId", definitionId, "reason", ""));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(b).count()).isEqualTo(1);
    admin.postForm("/admin/instances", Map.of("_csrf", token, "action", "cancel", "processInstanceIds", b, "processDefinitionId", definitionId, "reason", "Filed twice"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(b).count()).isZero();
  }

  @Test
  void aMigrationIsPreviewedThenRunAsABatch() {
    String v1 = deploy("path.bpmn", "admin-path.bpmn");
    String v2 = deploy("path.bpmn", "admin-path.bpmn");
    String instance = runtimeService.startProcessInstanceById(v1, "APM-1").getId();

    HttpResponse<String> preview = admin.postForm("/admin/migrations/preview", Map.of("_csrf", token, "source", v1, "target", v2));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains(instance).contains("UserTask_Review → UserTask_Review").contains("id=\"migrate-form\"");

    Set<String> before = managementService.createBatchQuery().list().stream().map(Batch::getId).collect(Collectors.toSet());
    HttpResponse<String> started = admin.postForm("/admin/migrations", Map.of("_csrf", token, "source", v1, "target", v2));
    assertThat(started.statusCode()).isEqualTo(302);
    List<Batch> batches = managementService.createBatchQuery().list().stream().filter(b -> !before.contains(b.getId())).toList();
    assertThat(batches).hasSize(1);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(admin.get(location.substring(location.indexOf("/admin/"))).body()).contains("Migration batch " + batches.get(0).getId() + " started for 1 instance(s).");
    Batches.runToEnd(managementService, batches.get(0).getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId()).isEqualTo(v2);

    HttpResponse<String> bad = admin.postForm("/admin/migrations/preview", Map.of("_csrf", token, "source", "nope", "target", v2));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("sourceDefinitionId");
  }
}
