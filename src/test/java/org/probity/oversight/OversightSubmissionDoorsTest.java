package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review's rules hold on Camunda's own REST API, the door Tasklist uses: a recused member
 * cannot vote even when handed a vote task, a recusal names its reason, a vote is for, against or
 * abstain, and a start form is checked.
 */
@ProbityTest
class OversightSubmissionDoorsTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  ReviewDriver drive;
  ProcessInstance pi;

  @BeforeEach
  void review() {
    drive = new ReviewDriver(runtime, tasks, management, jdbc);
    pi = drive.startOwnMotion("Riot Police");
    drive.admit(pi);
  }

  @AfterEach
  void end() {
    if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      runtime.deleteProcessInstance(pi.getId(), "test finished");
    }
  }

  private HttpResponse<String> complete(String user, String taskId, String variables) {
    return HttpSession.basic(port, user, "demo").postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}");
  }

  private static String vars(Map<String, String> values) {
    StringBuilder json = new StringBuilder("{");
    values.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":{\"value\":\"").append(v).append("\"}"));
    return json.append('}').toString();
  }

  @Test
  void aRecusalWithoutAReasonIsRefusedAndOneWithAReasonIsFiled() {
    for (Task declaration : drive.taskList(pi, "UserTask_DeclareInterests")) {
      assertThat(complete(declaration.getAssignee(), declaration.getId(), vars(Map.of("conflictDeclared", "none"))).statusCode())
          .isEqualTo(204);
    }
    Task ruling = drive.taskList(pi, "UserTask_RuleOnDeclaration").stream()
        .filter(t -> "member3".equals(tasks.getVariable(t.getId(), "member"))).findFirst().orElseThrow();
    HttpResponse<String> refused = complete("chair", ruling.getId(), vars(Map.of("ruling", "recuse")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("rulingReason").contains("A recusal must name its reason");
    assertThat(tasks.createTaskQuery().taskId(ruling.getId()).count()).isEqualTo(1);

    assertThat(complete("chair", ruling.getId(), vars(Map.of("ruling", "recuse", "rulingReason", "Brother serves in the unit"))).statusCode())
        .isEqualTo(204);
    assertThat(jdbc.queryForObject("select ruled_by from oversight_member where review_id = ? and username = 'member3'", String.class,
            drive.reviewId(pi)))
        .isEqualTo("chair");
  }

  @Test
  void aRecusedMemberHandedAVoteTaskCannotVoteAndAVoteMustBeAValidChoice() {
    drive.declareAndRule(pi, Set.of("member3"));
    drive.closeInquiry(pi);
    drive.allFindings(pi);
    drive.draft(pi, "Draft");
    Task member1Vote = drive.taskList(pi, "UserTask_VoteOnReport").stream()
        .filter(t -> t.getAssignee().equals("member1")).findFirst().orElseThrow();

    HttpResponse<String> maybe = complete("member1", member1Vote.getId(), vars(Map.of("vote", "maybe")));
    assertThat(maybe.statusCode()).isEqualTo(400);
    assertThat(maybe.body()).contains("vote");

    // another member's task is not theirs to complete
    assertThat(complete("member2", member1Vote.getId(), vars(Map.of("vote", "for"))).statusCode()).isIn(403, 404);

    // the task handed over to the recused member: the rule refuses the vote
    tasks.setAssignee(member1Vote.getId(), "member3");
    HttpResponse<String> recused = complete("member3", member1Vote.getId(), vars(Map.of("vote", "for")));
    assertThat(recused.statusCode()).isEqualTo(400);
    assertThat(recused.body()).contains("You are recused from this review and cannot submit a vote");
    assertThat(jdbc.queryForObject("select count(*) from oversight_vote where review_id = ?", Integer.class, drive.reviewId(pi))).isZero();

    tasks.setAssignee(member1Vote.getId(), "member1");
    assertThat(complete("member1", member1Vote.getId(), vars(Map.of("vote", "abstain"))).statusCode()).isEqualTo(204);
    assertThat(jdbc.queryForList("select vote from oversight_vote where review_id = ?", String.class, drive.reviewId(pi)))
        .containsExactly("abstain");
  }

  @Test
  void theChairStartsAReviewThroughTheStartFormAndAnIncompleteOneIsRefused() {
    HttpSession chair = HttpSession.basic(port, "chair", "demo");
    HttpResponse<String> incomplete = chair.postJson("/engine-rest/process-definition/key/oversight-review/submit-form",
        "{\"variables\":" + vars(Map.of("institution", "Prison Service")) + "}");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("unit").contains("reviewReason");

    HttpResponse<String> started = chair.postJson("/engine-rest/process-definition/key/oversight-review/submit-form",
        "{\"variables\":" + vars(Map.of("institution", "Prison Service", "unit", "Central Prison", "reviewReason", "Deaths in custody")) + "}");
    assertThat(started.statusCode()).isEqualTo(200);
    String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(jdbc.queryForObject("select institution from oversight_review where process_instance_id = ?", String.class, id))
        .isEqualTo("Prison Service");
    runtime.deleteProcessInstance(id, "test finished");

    for (String user : List.of("member1", "investigator")) {
      assertThat(HttpSession.basic(port, user, "demo").postJson("/engine-rest/process-definition/key/oversight-review/submit-form",
              "{\"variables\":" + vars(Map.of("institution", "X", "unit", "Y", "reviewReason", "Z")) + "}").statusCode())
          .as(user).isIn(403, 404);
    }
  }
}
