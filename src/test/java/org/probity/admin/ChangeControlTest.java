package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.admin.AdminFixtures.body;
import static org.probity.admin.AdminFixtures.json;
import static org.probity.admin.AdminFixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Change control through the admin API: a draft with a change note, an element-level diff, no
 * approval by the author, approval by a second administrator deploying a new version to which new
 * cases route; and a restart (the starter's auto-deployment) never rolls that version back.
 */
@ProbityTest
class ChangeControlTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProcessEngine processEngine;
  HttpSession admin;
  HttpSession admin2;

  @AfterEach
  void removeTestProcesses() {
    AdminFixtures.removeTestProcesses(repositoryService);
  }

  @BeforeEach
  void administrators() {
    AdminFixtures.ensureSecondAdministrator(jdbc, encoder);
    admin = HttpSession.basic(port, "admin", "demo");
    admin2 = HttpSession.basic(port, "admin2", "demo");
  }

  JsonNode saveDraft(HttpSession session, String bpmn, String note) {
    HttpResponse<String> response = session.postJson("/api/admin/drafts", body(Map.of("bpmn", bpmn, "changeNote", note)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  JsonNode approve(HttpSession session, String draftId) {
    HttpResponse<String> response = session.postJson("/api/admin/drafts/" + draftId + "/approve", "{\"note\":\"looks right\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  @Test
  void aChangeIsDraftedDiffedApprovedBySomeoneElseAndDeployed() {
    // version 1: a new process, approved by the second administrator
    JsonNode first = saveDraft(admin, text("routing-v1.bpmn"), "New test process");
    assertThat(first.path("status").asText()).isEqualTo("PENDING");
    assertThat(first.path("processKey").asText()).isEqualTo("admin-routing");
    JsonNode firstDeployed = approve(admin2, first.path("id").asText());
    assertThat(firstDeployed.path("status").asText()).isEqualTo("DEPLOYED");
    String v1 = firstDeployed.path("deployedDefinitionId").asText();
    assertThat(repositoryService.getProcessDefinition(v1).getVersion()).isEqualTo(1);
    String oldCase = runtimeService.startProcessInstanceByKey("admin-routing").getId();
    assertThat(candidateGroups(oldCase)).containsExactly("investigators");

    // version 2: Assess goes to vetting officers, and a countersignature is added
    JsonNode second = saveDraft(admin, text("routing-v2.bpmn"), "Assessment moves to vetting; the chair countersigns");
    String draftId = second.path("id").asText();
    assertThat(second.path("baseDefinitionId").asText()).isEqualTo(v1);

    JsonNode diff = json(admin.get("/api/admin/drafts/" + draftId + "/diff"));
    assertThat(diff.path("baseDefinitionId").asText()).isEqualTo(v1);
    assertThat(ids(diff.path("changes").path("added"))).containsExactlyInAnyOrder("UserTask_Countersign", "Flow_AssessToCountersign", "Flow_CountersignToDone");
    assertThat(ids(diff.path("changes").path("removed"))).containsExactly("Flow_AssessToDone");
    JsonNode changed = diff.path("changes").path("changed");
    assertThat(ids(changed)).containsExactly("UserTask_Assess");
    JsonNode change = changed.get(0).path("changes").get(0);
    assertThat(change.path("name").asText()).isEqualTo("camunda:candidateGroups");
    assertThat(change.path("before").asText()).isEqualTo("investigators");
    assertThat(change.path("after").asText()).isEqualTo("vetting-officers");

    // the author may not approve their own change
    HttpResponse<String> self = admin.postJson("/api/admin/drafts/" + draftId + "/approve", "{}");
    assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
    assertThat(self.body()).contains("author");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-routing").count()).isEqualTo(1);

    JsonNode deployed = approve(admin2, draftId);
    assertThat(deployed.path("status").asText()).isEqualTo("DEPLOYED");
    assertThat(deployed.path("decisions").get(0).path("decidedBy").asText()).isEqualTo("admin2");
    ProcessDefinition v2 = repositoryService.getProcessDefinition(deployed.path("deployedDefinitionId").asText());
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(v2.getDeploymentId()).singleResult().getName())
        .isEqualTo("probity-admin admin-routing");

    // a new case routes to the new group; the running case stays on its version
    String newCase = runtimeService.startProcessInstanceByKey("admin-routing").getId();
    assertThat(candidateGroups(newCase)).containsExactly("vetting-officers");
    assertThat(candidateGroups(oldCase)).containsExactly("investigators");
    String newTask = taskService.createTaskQuery().processInstanceId(newCase).singleResult().getId();
    assertThat(HttpSession.basic(port, "vetting", "demo").get("/engine-rest/task").body()).contains(newTask);
    assertThat(HttpSession.basic(port, "investigator", "demo").get("/engine-rest/task").body()).doesNotContain(newTask);

    // a decided draft cannot be decided again
    assertThat(admin2.postJson("/api/admin/drafts/" + draftId + "/approve", "{}").statusCode()).isEqualTo(409);
    // the overview shows both versions with their cases
    JsonNode processes = json(admin.get("/api/admin/processes"));
    JsonNode routing = null;
    for (JsonNode process : processes) {
      if (process.path("key").asText().equals("admin-routing")) {
        routing = process;
      }
    }
    assertThat(routing).isNotNull();
    assertThat(routing.path("latestVersion").asInt()).isEqualTo(2);
    assertThat(routing.path("versions").get(0).path("running").asLong()).isEqualTo(1);
    assertThat(routing.path("versions").get(1).path("running").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/admin/process-definitions/" + v1 + "/xml").body()).contains("UserTask_Assess");
  }

  @Test
  void aDraftThatBreaksARuleIsRefusedWithItsViolations() {
    HttpResponse<String> response =
        admin.postJson("/api/admin/drafts", body(Map.of("bpmn", text("script-task.bpmn"), "changeNote", "try a script")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("violations").toString()).contains("script-task").contains("UserTask_Review");

    HttpResponse<String> noNote = admin.postJson("/api/admin/drafts", body(Map.of("bpmn", text("routing-v1.bpmn"), "changeNote", " ")));
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(json(noNote).path("fields").has("changeNote")).isTrue();
  }

  @Test
  void aRejectionNeedsAReasonAndEndsTheDraft() {
    String draftId = saveDraft(admin, text("baseline.bpmn").replace("admin-baseline", "admin-rejected"), "to be rejected").path("id").asText();
    assertThat(admin2.postJson("/api/admin/drafts/" + draftId + "/reject", "{}").statusCode()).isEqualTo(400);
    HttpResponse<String> rejected = admin2.postJson("/api/admin/drafts/" + draftId + "/reject", "{\"note\":\"not needed\"}");
    assertThat(rejected.statusCode()).isEqualTo(200);
    assertThat(json(rejected).path("status").asText()).isEqualTo("REJECTED");
    assertThat(admin2.postJson("/api/admin/drafts/" + draftId + "/approve", "{}").statusCode()).isEqualTo(409);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-rejected").count()).isZero();
  }

  @Test
  void aDraftWrittenAgainstAnOlderVersionIsNotDeployedOverANewerOne() {
    String v1 = text("routing-v1.bpmn").replace("admin-routing", "admin-stale");
    approve(admin2, saveDraft(admin, v1, "first version").path("id").asText());
    String one = saveDraft(admin, v1.replace("investigators", "vetting-officers"), "to vetting").path("id").asText();
    String other = saveDraft(admin, v1.replace("investigators", "committee-chair"), "to the chair").path("id").asText();
    approve(admin2, one);
    HttpResponse<String> stale = admin2.postJson("/api/admin/drafts/" + other + "/approve", "{}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(latest("admin-stale").getVersion()).isEqualTo(2);
  }

  @Test
  void aRestartDoesNotRollBackAnAdministratorsVersion() throws Exception {
    SpringProcessEngineConfiguration configuration = (SpringProcessEngineConfiguration) processEngine.getProcessEngineConfiguration();
    Resource[] configured = configuration.getDeploymentResources();
    Method autoDeploy = SpringTransactionsProcessEngineConfiguration.class.getDeclaredMethod("autoDeployResources", ProcessEngine.class);
    autoDeploy.setAccessible(true);
    List<String> starterDeployments = new ArrayList<>();
    try {
      // the baseline, as if admin-baseline.bpmn were in processes/: deployed by the starter at start
      configuration.setDeploymentResources(new Resource[] {new ClassPathResource("admin/baseline.bpmn")});
      autoDeploy.invoke(configuration, processEngine);
      ProcessDefinition baseline = latest("admin-baseline");
      assertThat(baseline.getVersion()).isEqualTo(1);
      starterDeployments.add(baseline.getDeploymentId());

      // an administrator changes it
      String draftId = saveDraft(admin, text("baseline-changed.bpmn"), "Assessment moves to vetting").path("id").asText();
      String adminVersion = approve(admin2, draftId).path("deployedDefinitionId").asText();
      assertThat(latest("admin-baseline").getId()).isEqualTo(adminVersion);

      // a restart with the unchanged file deploys nothing over it
      autoDeploy.invoke(configuration, processEngine);
      assertThat(latest("admin-baseline").getId()).isEqualTo(adminVersion);
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("admin-baseline").count()).isEqualTo(2);
    } finally {
      configuration.setDeploymentResources(configured);
    }
  }

  ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  List<String> candidateGroups(String processInstanceId) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  static List<String> ids(JsonNode elements) {
    List<String> ids = new ArrayList<>();
    elements.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }
}
