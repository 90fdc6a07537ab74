package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.equality.EqualityScenario.KEY;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Least privilege on /engine-rest: only the group a step is routed to may complete it. */
@ProbityTest
class EqualityTaskRoutingTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @AfterEach
  void endRunningInstances() {
    EqualityScenario.deleteRunningInstances(runtimeService);
  }

  @Test
  void onlyEqualityAnalystsCompleteTheCompletenessCheck() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    String taskId = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_CheckCompleteness").singleResult().getId();
    String body = "{\"variables\": {\"completenessDecision\": {\"value\": \"complete\"}}}";

    HttpResponse<String> finance = HttpSession.basic(port, "finance", "demo").postJson("/engine-rest/task/" + taskId + "/complete", body);
    assertThat(finance.statusCode()).as(finance.body()).isIn(403, 404);
    HttpResponse<String> member = HttpSession.basic(port, "member1", "demo").postJson("/engine-rest/task/" + taskId + "/complete", body);
    assertThat(member.statusCode()).as(member.body()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    HttpResponse<String> analyst = HttpSession.basic(port, "analyst", "demo").postJson("/engine-rest/task/" + taskId + "/complete", body);
    assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_AssessImpact");
  }

  @Test
  void aBallotIsCastOnlyByTheMemberItIsAssignedTo() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    complete(pi, "UserTask_CheckCompleteness", EqualityScenario.of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.fullImpact());
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("low", true));
    String finance = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_FinanceReview").singleResult().getId();
    HttpResponse<String> approved = HttpSession.basic(port, "finance", "demo").postJson("/engine-rest/task/" + finance
        + "/complete", "{\"variables\": {\"financeDecision\": {\"value\": \"approve\"}, \"financeNotes\": {\"value\": \"Published\"}}}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

    String ballot = taskService.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("member1").singleResult().getId();
    String body = "{\"variables\": {\"vote\": {\"value\": \"for\"}}}";
    HttpResponse<String> other = HttpSession.basic(port, "member2", "demo").postJson("/engine-rest/task/" + ballot + "/complete", body);
    assertThat(other.statusCode()).as(other.body()).isIn(403, 404);
    HttpResponse<String> own = HttpSession.basic(port, "member1", "demo").postJson("/engine-rest/task/" + ballot + "/complete", body);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CastVote").count())
        .isEqualTo(3);
  }

  private void complete(ProcessInstance pi, String activityId, java.util.Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
        .singleResult().getId(), variables);
  }

  @Test
  void aFinanceOfficerCannotStartAProgram() {
    HttpResponse<String> response = HttpSession.basic(port, "finance", "demo")
        .postJson("/engine-rest/process-definition/key/" + KEY + "/start", "{\"variables\": {}}");
    assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
  }
}
