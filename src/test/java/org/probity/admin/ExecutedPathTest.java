package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.admin.AdminFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * A case's executed path from history, with a real process instance: completed activities, taken
 * sequence flows (the branch not taken stays unmarked) and current activities; for process
 * administrators on /api/admin, and on the case page for those entitled to the case only.
 */
@ProbityTest
class ExecutedPathTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void deploy() {
    repositoryService.createDeployment().name("admin-path test").addInputStream("admin-path.bpmn", new java.io.ByteArrayInputStream(DeploymentRulesTest.resource("path.bpmn"))).deploy();
  }

  @AfterEach
  void remove() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  ProcessInstance startAndReview(boolean accepted) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("admin-path", "AP-" + UUID.randomUUID().toString().substring(0, 8));
    complete(instance, "UserTask_Review", Map.of("accepted", accepted));
    return instance;
  }

  void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult().getId();
    taskService.complete(taskId, variables);
  }

  static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asText()));
    return ids;
  }

  @Test
  void theTakenBranchIsMarkedAndTheCurrentActivityApart() {
    ProcessInstance instance = startAndReview(true);
    HttpSession admin = HttpSession.basic(port, "admin", "demo");

    JsonNode path = json(admin.get("/api/admin/instances/" + instance.getId() + "/path"));
    assertThat(ids(path.path("completedActivityIds"))).containsExactly("Gateway_Decide", "StartEvent_Received", "UserTask_Review");
    assertThat(ids(path.path("takenFlowIds"))).containsExactly("Flow_DecideToAct", "Flow_ReceivedToReview", "Flow_ReviewToDecide");
    assertThat(ids(path.path("currentActivityIds"))).containsExactly("UserTask_Act");
    assertThat(path.path("ended").asBoolean()).isFalse();

    complete(instance, "UserTask_Act", Map.of());
    JsonNode done = json(admin.get("/api/admin/instances/" + instance.getId() + "/path"));
    assertThat(ids(done.path("completedActivityIds")))
        .containsExactly("EndEvent_Done", "Gateway_Decide", "StartEvent_Received", "UserTask_Act", "UserTask_Review");
    assertThat(ids(done.path("takenFlowIds")))
        .containsExactly("Flow_ActToDone", "Flow_DecideToAct", "Flow_ReceivedToReview", "Flow_ReviewToDecide")
        .doesNotContain("Flow_DecideToRejected");
    assertThat(ids(done.path("currentActivityIds"))).isEmpty();
    assertThat(done.path("ended").asBoolean()).isTrue();
  }

  @Test
  void theOtherBranchIsMarkedWhenTheCaseIsRejected() {
    ProcessInstance instance = startAndReview(false);
    JsonNode path = json(HttpSession.basic(port, "admin", "demo").get("/api/admin/instances/" + instance.getId() + "/path"));
    assertThat(ids(path.path("completedActivityIds"))).contains("EndEvent_Rejected").doesNotContain("UserTask_Act", "EndEvent_Done");
    assertThat(ids(path.path("takenFlowIds"))).contains("Flow_DecideToRejected").doesNotContain("Flow_DecideToAct", "Flow_ActToDone");
    assertThat(path.path("ended").asBoolean()).isTrue();
  }

  @Test
  void theCasePageShowsThePathToThoseEntitledToTheCaseOnly() {
    ProcessInstance instance = startAndReview(true);
    String key = instance.getBusinessKey();
    String base = "/cases/" + key + "/instances/" + instance.getId();

    // an investigator: a candidate for the case's open task
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    assertThat(investigator.get("/cases/" + key).body()).contains("/cases/" + key + "/path");
    var page = investigator.get("/cases/" + key + "/path");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-path-url=\"" + base + "/path\"").contains("data-bpmn-xml=\"" + base + "/diagram\"").contains("UserTask_Act");
    JsonNode path = json(investigator.get(base + "/path"));
    assertThat(ids(path.path("currentActivityIds"))).containsExactly("UserTask_Act");
    assertThat(ids(path.path("takenFlowIds"))).contains("Flow_DecideToAct");
    assertThat(investigator.get(base + "/diagram").body()).contains("id=\"admin-path\"");
    // the admin API stays closed to them
    assertThat(HttpSession.basic(port, "investigator", "demo").get("/api/admin/instances/" + instance.getId() + "/path").statusCode()).isEqualTo(403);

    // someone not entitled to the case sees nothing of it
    HttpSession vetting = HttpSession.loggedIn(port, "vetting", "demo");
    assertThat(vetting.get("/cases/" + key + "/path").statusCode()).isEqualTo(404);
    assertThat(vetting.get(base + "/path").statusCode()).isEqualTo(404);
    assertThat(vetting.get(base + "/diagram").statusCode()).isEqualTo(404);
    // an instance of another case is not reachable through this one
    ProcessInstance other = startAndReview(true);
    assertThat(investigator.get("/cases/" + key + "/instances/" + other.getId() + "/path").statusCode()).isEqualTo(404);
  }

  @Test
  void theAdminInstancePageListsThePath() {
    ProcessInstance instance = startAndReview(true);
    HttpSession admin = HttpSession.loggedIn(port, "admin", "demo");
    var page = admin.get("/admin/instances/" + instance.getId());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-path-url=\"/api/admin/instances/" + instance.getId() + "/path\"").contains("Flow_DecideToAct");
    assertThat(admin.get("/admin/instances/no-such-instance").statusCode()).isEqualTo(404);
  }
}
