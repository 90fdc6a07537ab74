package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drives an oversight review through its tasks and timers, as the demo committee would. */
final class ReviewDriver {

  static final List<String> COMMITTEE = List.of("chair", "member1", "member2", "member3");

  final RuntimeService runtime;
  final TaskService tasks;
  final ManagementService management;
  final JdbcTemplate jdbc;

  ReviewDriver(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.jdbc = jdbc;
  }

  static String future(int days) {
    return LocalDate.now().plusDays(days).toString();
  }

  ProcessInstance startOwnMotion(String institution) {
    return runtime.startProcessInstanceByKey(
        "oversight-review", Map.of("institution", institution, "unit", "Central District", "reviewReason", "Pattern of complaints"));
  }

  Task task(ProcessInstance pi, String activityId) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
    assertThat(found).as("open tasks " + activityId).hasSize(1);
    return found.get(0);
  }

  List<Task> taskList(ProcessInstance pi, String activityId) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).orderByTaskAssignee().asc().list();
  }

  void complete(ProcessInstance pi, String activityId, Map<String, Object> values) {
    tasks.complete(task(pi, activityId).getId(), values);
  }

  void admit(ProcessInstance pi) {
    complete(
        pi,
        "UserTask_AssessAdmissibility",
        Map.of(
            "admissibility", "admissible",
            "institution", "National Police",
            "unit", "Central District",
            "scope", "Use of force in detention, 2025-2026",
            "questions", "Are detainees registered within 24 hours?",
            "reportDeadline", future(120)));
  }

  /** Every member declares; those in {@code recused} declare a conflict and the chair recuses them. */
  void declareAndRule(ProcessInstance pi, Set<String> recused) {
    declareAndRule(pi, recused, COMMITTEE);
  }

  void declareAndRule(ProcessInstance pi, Set<String> recused, List<String> committee) {
    List<Task> declarations = taskList(pi, "UserTask_DeclareInterests");
    assertThat(declarations).extracting(Task::getAssignee).containsExactlyElementsOf(committee);
    for (Task declaration : declarations) {
      boolean conflict = recused.contains(declaration.getAssignee());
      Map<String, Object> values = new HashMap<>();
      values.put("conflictDeclared", conflict ? "conflict" : "none");
      if (conflict) {
        values.put("declarationDetails", "Served in the unit until 2024");
      }
      tasks.complete(declaration.getId(), values);
    }
    for (Task ruling : taskList(pi, "UserTask_RuleOnDeclaration")) {
      String member = (String) tasks.getVariable(ruling.getId(), "member");
      Map<String, Object> values = new HashMap<>();
      if (recused.contains(member)) {
        values.put("ruling", "recuse");
        values.put("rulingReason", "Former service in the unit under review");
      } else {
        values.put("ruling", "participate");
      }
      tasks.complete(ruling.getId(), values);
    }
  }

  void inquiryStep(ProcessInstance pi, Map<String, Object> values) {
    complete(pi, "UserTask_ConductInquiry", values);
  }

  void closeInquiry(ProcessInstance pi) {
    inquiryStep(pi, Map.of("inquiryStep", "complete"));
  }

  void allFindings(ProcessInstance pi) {
    for (Task findings : taskList(pi, "UserTask_RecordFindings")) {
      tasks.complete(findings.getId(), Map.of("findings", "Findings of " + findings.getAssignee()));
    }
  }

  void draft(ProcessInstance pi, String text) {
    complete(pi, "UserTask_DraftReport", Map.of("draftReport", text));
  }

  /** Votes as given (member -> for/against/abstain); members not in the map do not vote. */
  void vote(ProcessInstance pi, Map<String, String> votes) {
    for (Task vote : taskList(pi, "UserTask_VoteOnReport")) {
      String choice = votes.get(vote.getAssignee());
      if (choice != null) {
        tasks.complete(vote.getId(), Map.of("vote", choice));
      }
    }
  }

  void recommend(ProcessInstance pi, String text, boolean another) {
    complete(
        pi,
        "UserTask_AddRecommendation",
        Map.of("recommendationText", text, "addressee", "Chief of Police", "recommendationDeadline", future(90), "anotherRecommendation", another));
  }

  /** Through admissibility, declarations, inquiry, findings and an adopted vote, to the recommendations. */
  void toRecommendations(ProcessInstance pi) {
    admit(pi);
    declareAndRule(pi, Set.of());
    closeInquiry(pi);
    allFindings(pi);
    draft(pi, "Draft 1");
    vote(pi, Map.of("chair", "for", "member1", "for", "member2", "for", "member3", "against"));
  }

  void fireTimer(ProcessInstance pi, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  boolean hasTimer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() > 0;
  }

  long reviewId(ProcessInstance pi) {
    return jdbc.queryForObject("select id from oversight_review where process_instance_id = ?", Long.class, pi.getId());
  }

  String reviewColumn(ProcessInstance pi, String column) {
    return jdbc.queryForObject("select " + column + " from oversight_review where process_instance_id = ?", String.class, pi.getId());
  }

  List<String> recommendationStatuses(ProcessInstance pi) {
    return jdbc.queryForList(
        "select status from oversight_recommendation where review_id = ? order by seq_no", String.class, reviewId(pi));
  }
}
