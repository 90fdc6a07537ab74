package org.probity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
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
 * Camunda authorization is on and each role has the least it needs: a user sees and works only the
 * tasks routed to their groups, through the REST API and through Tasklist's own API.
 */
@ProbityTest
class TasklistVisibilityTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  final ObjectMapper json = new ObjectMapper();
  String deploymentId;
  ProcessInstance instance;

  @BeforeEach
  void deployAndStart() {
    deploymentId =
        repositoryService.createDeployment().name("routing-probe").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    instance = runtimeService.startProcessInstanceByKey("routing-probe");
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void eachGroupSeesOnlyItsOwnTasksThroughEngineRest() throws Exception {
    assertThat(taskNames(HttpSession.basic(port, "investigator", "demo").get("/engine-rest/task?processInstanceId=" + instance.getId()).body()))
        .containsExactly("Investigate");
    assertThat(taskNames(HttpSession.basic(port, "vetting", "demo").get("/engine-rest/task?processInstanceId=" + instance.getId()).body()))
        .containsExactly("Vet");
    assertThat(taskNames(HttpSession.basic(port, "intake", "demo").get("/engine-rest/task?processInstanceId=" + instance.getId()).body())).isEmpty();
  }

  @Test
  void tasklistShowsAUserOnlyTheTasksOfTheirGroups() throws Exception {
    String groupFilter = filterService.createFilterQuery().filterName("My groups' tasks").singleResult().getId();
    HttpSession investigator = HttpSession.loggedIn(port, "investigator", "demo");
    assertThat(taskNames(investigator.get("/camunda/api/engine/engine/default/task?processInstanceId=" + instance.getId()).body())).containsExactly("Investigate");
    assertThat(taskNames(investigator.get("/camunda/api/engine/engine/default/filter/" + groupFilter + "/list").body()))
        .contains("Investigate")
        .doesNotContain("Vet");

    HttpSession member = HttpSession.loggedIn(port, "member1", "demo");
    assertThat(taskNames(member.get("/camunda/api/engine/engine/default/filter/" + groupFilter + "/list").body()))
        .doesNotContain("Investigate", "Vet");
  }

  @Test
  void aUserCannotCompleteATaskRoutedToAnotherGroup() {
    String vetTask = taskService.createTaskQuery().processInstanceId(instance.getId()).taskName("Vet").singleResult().getId();
    int status = HttpSession.basic(port, "investigator", "demo").postJson("/engine-rest/task/" + vetTask + "/complete", "{}").statusCode();
    assertThat(status).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(vetTask).count()).isEqualTo(1);

    assertThat(HttpSession.basic(port, "vetting", "demo").postJson("/engine-rest/task/" + vetTask + "/complete", "{}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void auditorsReadEverythingAndChangeNothing() throws Exception {
    HttpSession auditor = HttpSession.basic(port, "auditor", "demo");
    assertThat(taskNames(auditor.get("/engine-rest/task?processInstanceId=" + instance.getId()).body())).containsExactlyInAnyOrder("Investigate", "Vet");
    assertThat(auditor.get("/engine-rest/history/process-instance?processDefinitionKey=routing-probe").body())
        .contains(instance.getId());
    String task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskName("Investigate").singleResult().getId();
    assertThat(auditor.postJson("/engine-rest/task/" + task + "/complete", "{}").statusCode()).isEqualTo(403);
    assertThat(auditor.postJson("/engine-rest/process-definition/key/routing-probe/start", "{}").statusCode()).isEqualTo(403);
    assertThat(auditor.send(auditor.request("/engine-rest/process-instance/" + instance.getId()).DELETE().build()).statusCode())
        .isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  @Test
  void rolesCannotStartProcessesTheyDoNotOwn() {
    assertThat(HttpSession.basic(port, "investigator", "demo")
            .postJson("/engine-rest/process-definition/key/routing-probe/start", "{}")
            .statusCode())
        .isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("routing-probe").count()).isEqualTo(1);
  }

  private List<String> taskNames(String body) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode node : json.readTree(body)) {
      names.add(node.get("name").asText());
    }
    return names;
  }
}
