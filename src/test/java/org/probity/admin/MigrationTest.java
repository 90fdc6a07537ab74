package org.probity.admin;

import org.probity.support.Batches;
import static org.assertj.core.api.Assertions.assertThat;
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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Running instances of an old version are previewed, migrated as a batch (its jobs driven here:
 * the job executor is off in tests) and continue to the end on the new version.
 */
@ProbityTest
class MigrationTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  String deploy(String resource) {
    return repositoryService
        .createDeployment()
        .name("migration-test")
        .addInputStream(resource, new ByteArrayInputStream(DeploymentRulesTest.resource(resource)))
        .deployWithResult()
        .getDeployedProcessDefinitions()
        .get(0)
        .getId();
  }

  @Test
  void runningInstancesAreMigratedAndContinueToTheEnd() {
    String v1 = deploy("migration-v1.bpmn");
    String atAssess = runtimeService.startProcessInstanceById(v1, "MIG-1").getId();
    String atDecide = runtimeService.startProcessInstanceById(v1, "MIG-2").getId();
    complete(atDecide, "UserTask_Assess");
    String v2 = deploy("migration-v2.bpmn");
    HttpSession admin = HttpSession.basic(port, "admin", "demo");

    // preview with equal activities only: the case waiting in Decide has nowhere to go
    JsonNode preview = json(admin.postJson("/api/admin/migrations/preview", body(Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2))));
    assertThat(preview.path("instructions").toString()).contains("\"source\":\"UserTask_Assess\",\"target\":\"UserTask_Assess\"");
    assertThat(preview.path("unmappedSourceActivities").toString()).contains("UserTask_Decide");
    JsonNode decide = instance(preview, atDecide);
    assertThat(decide.path("migratable").asBoolean()).isFalse();
    assertThat(decide.path("cannotMigrate").toString()).contains("UserTask_Decide");
    assertThat(instance(preview, atAssess).path("mapping").path("UserTask_Assess").asText()).isEqualTo("UserTask_Assess");
    HttpResponse<String> refused = admin.postJson("/api/admin/migrations", body(Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2)));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(atDecide);

    // with Decide mapped to Conclude, every case can move
    Map<String, Object> request =
        Map.of(
            "sourceDefinitionId", v1,
            "targetDefinitionId", v2,
            "instructions", List.of(Map.of("source", "UserTask_Decide", "target", "UserTask_Conclude")));
    JsonNode mapped = json(admin.postJson("/api/admin/migrations/preview", body(request)));
    assertThat(instance(mapped, atDecide).path("mapping").path("UserTask_Decide").asText()).isEqualTo("UserTask_Conclude");
    assertThat(instance(mapped, atDecide).path("migratable").asBoolean()).isTrue();

    HttpResponse<String> started = admin.postJson("/api/admin/migrations", body(request));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String batchId = json(started).path("batchId").asText();
    assertThat(json(started).path("instances").asInt()).isEqualTo(2);
    assertThat(json(admin.get("/api/admin/batches/" + batchId)).path("finished").asBoolean()).isFalse();
    Batches.runToEnd(managementService, batchId);
    assertThat(json(admin.get("/api/admin/batches/" + batchId)).path("finished").asBoolean()).isTrue();

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2).count()).isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1).count()).isZero();
    // both continue on the new version to the end
    complete(atAssess, "UserTask_Assess");
    complete(atAssess, "UserTask_Review");
    complete(atAssess, "UserTask_Conclude");
    complete(atDecide, "UserTask_Conclude");
    for (String id : List.of(atAssess, atDecide)) {
      var history = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      assertThat(history.getEndTime()).isNotNull();
      assertThat(history.getProcessDefinitionId()).isEqualTo(v2);
      assertThat(history.getEndActivityId()).isEqualTo("EndEvent_Done");
    }
  }

  void complete(String processInstanceId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of " + processInstanceId).isNotNull();
    taskService.complete(task.getId());
  }

  static JsonNode instance(JsonNode preview, String id) {
    for (JsonNode instance : preview.path("instances")) {
      if (instance.path("id").asText().equals(id)) {
        return instance;
      }
    }
    throw new AssertionError("no instance " + id + " in " + preview);
  }
}
