package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code oversight-review}, timers driven explicitly, and the flow-node coverage of
 * the paths taken here (written to {@code target/process-test-coverage/oversight-review.txt}).
 */
@ProbityTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversightReviewProcessTest {

  /** Instances started by this class: the coverage is measured over them only. */
  static final Set<String> INSTANCES = new TreeSet<>();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  ReviewDriver drive;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    drive = new ReviewDriver(runtime, tasks, management, jdbc);
  }

  private ProcessInstance track(ProcessInstance pi) {
    INSTANCES.add(pi.getId());
    return pi;
  }

  @Test
  @Order(1)
  void ownMotionWithRecusalInquiryAndFollowUpCyclesUntilClosed() {
    ProcessInstance pi = track(drive.startOwnMotion("National Police"));
    assertThat(pi).isWaitingAt("UserTask_AssessAdmissibility");
    assertThat(drive.reviewColumn(pi, "reference")).matches("OVR-\\d{4}-\\d{6}");
    assertThat(drive.reviewColumn(pi, "trigger_kind")).isEqualTo("own-motion");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .isEqualTo(drive.reviewColumn(pi, "reference"));

    drive.admit(pi);
    drive.declareAndRule(pi, Set.of("member3"));
    assertThat(drive.reviewColumn(pi, "scope")).contains("Use of force");
    assertThat(runtime.getVariable(pi.getId(), "participantCount")).isEqualTo(3);
    assertThat(runtime.getVariable(pi.getId(), "recusedCount")).isEqualTo(1);
    assertThat(jdbc.queryForObject(
            "select ruling_reason from oversight_member where review_id = ? and username = 'member3'", String.class, drive.reviewId(pi)))
        .isEqualTo("Former service in the unit under review");

    // an information request answered in time, after the reminder
    drive.inquiryStep(pi, Map.of("inquiryStep", "information-request", "requestSubject", "Custody registers", "requestDeadline", ReviewDriver.future(30)));
    assertThat(pi).isWaitingAt("UserTask_RecordInstitutionReply");
    drive.fireTimer(pi, "BoundaryEvent_RequestReminder");
    assertThat(pi).isWaitingAt("UserTask_RecordInstitutionReply");
    assertThat(drive.hasTimer(pi, "BoundaryEvent_RequestOverdue")).isTrue();
    drive.complete(pi, "UserTask_RecordInstitutionReply", Map.of("replySummary", "Registers for 2025 sent"));
    assertThat(jdbc.queryForObject("select status from oversight_inquiry where review_id = ?", String.class, drive.reviewId(pi)))
        .isEqualTo("answered");
    assertThat(drive.hasTimer(pi, "BoundaryEvent_RequestOverdue")).isFalse();

    // a hearing: who was heard is stored encrypted, never left in the process
    drive.inquiryStep(
        pi,
        Map.of("inquiryStep", "visit-or-hearing", "recordKind", "hearing", "recordDate", LocalDate.now().toString(),
            "piiAttendees", "Station commander A. Example", "recordSummary", "Commander heard on registers"));
    assertThat(runtime.getVariable(pi.getId(), "piiAttendees")).isNull();
    String stored = jdbc.queryForObject(
        "select attendees_enc from oversight_inquiry where review_id = ? and kind = 'hearing'", String.class, drive.reviewId(pi));
    assertThat(stored).isNotBlank().doesNotContain("Example");

    // fields of another step typed by mistake are not kept
    drive.inquiryStep(pi, Map.of("inquiryStep", "complete", "piiAttendees", "Typed by mistake", "requestSubject", "Stray"));
    assertThat(runtime.getVariable(pi.getId(), "piiAttendees")).isNull();
    assertThat(runtime.getVariable(pi.getId(), "requestSubject")).isNull();
    // findings and votes only by the members taking part: member3 is recused
    assertThat(drive.taskList(pi, "UserTask_RecordFindings")).extracting(t -> t.getAssignee())
        .containsExactly("chair", "member1", "member2");
    drive.allFindings(pi);
    drive.draft(pi, "Draft 1");
    assertThat(drive.taskList(pi, "UserTask_VoteOnReport")).extracting(t -> t.getAssignee())
        .containsExactly("chair", "member1", "member2");
    drive.vote(pi, Map.of("chair", "for", "member1", "for", "member2", "abstain"));
    assertThat(runtime.getVariable(pi.getId(), "voteOutcome")).isEqualTo("ADOPTED");
    assertThat(jdbc.queryForMap("select eligible, recused, votes_for, abstentions from oversight_vote_result where review_id = ?",
            drive.reviewId(pi)).values())
        .containsExactly(4, 1, 2, 1);

    drive.recommend(pi, "Register every detainee on arrival", true);
    drive.recommend(pi, "Install cameras in custody areas", false);
    drive.complete(pi, "UserTask_RecordInstitutionResponse", Map.of("institutionResponse", "accepted-all", "responseSummary", "Both accepted"));
    assertThat(drive.recommendationStatuses(pi)).containsExactly("accepted", "accepted");

    // follow-up cycles until every recommendation is closed
    assertThat(pi).isWaitingAt("TimerEvent_FollowUpDue");
    drive.fireTimer(pi, "TimerEvent_FollowUpDue");
    drive.complete(pi, "UserTask_ReviewFollowUp", Map.of("implementedRecommendations", "1", "followUpNotes", "Registers in use", "escalate", false));
    assertThat(drive.recommendationStatuses(pi)).containsExactly("implemented", "accepted");
    assertThat(pi).isWaitingAt("TimerEvent_FollowUpDue");
    drive.fireTimer(pi, "TimerEvent_FollowUpDue");
    drive.complete(pi, "UserTask_ReviewFollowUp", Map.of("implementedRecommendations", "2", "followUpNotes", "Cameras installed", "escalate", false));
    assertThat(drive.recommendationStatuses(pi)).containsExactly("implemented", "implemented");

    drive.complete(pi, "UserTask_WriteFinalReport", Map.of("finalReport", "All recommendations implemented."));
    assertThat(pi).isEnded().hasPassed("EndEvent_ReviewClosed");
    assertThat(drive.reviewColumn(pi, "status")).isEqualTo("closed");
    assertThat(drive.reviewColumn(pi, "final_report")).isEqualTo("All recommendations implemented.");
  }

  @Test
  @Order(2)
  void complaintReferralFoundInadmissibleIsClosedWithReasons() {
    ProcessInstance pi =
        track(
            runtime
                .createMessageCorrelation("OversightReferral")
                .setVariable("complaintReference", "CMP-2026-000042")
                .setVariable("institution", "National Police")
                .setVariable("unit", "Northern District")
                .correlateStartMessage());
    assertThat(pi).isWaitingAt("UserTask_AssessAdmissibility");
    assertThat(drive.reviewColumn(pi, "trigger_kind")).isEqualTo("complaint-referral");
    assertThat(drive.reviewColumn(pi, "complaint_reference")).isEqualTo("CMP-2026-000042");

    drive.complete(pi, "UserTask_AssessAdmissibility",
        Map.of("admissibility", "inadmissible", "inadmissibilityReasons", "Already under review by the courts"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Inadmissible");
    assertThat(drive.reviewColumn(pi, "status")).isEqualTo("inadmissible");
    assertThat(drive.reviewColumn(pi, "status_reason")).isEqualTo("Already under review by the courts");
  }

  @Test
  @Order(3)
  void aMissedInformationDeadlineIsRemindedThenEscalatedToTheChair() {
    ProcessInstance pi = track(drive.startOwnMotion("Prison Service"));
    drive.admit(pi);
    drive.declareAndRule(pi, Set.of());
    drive.inquiryStep(pi, Map.of("inquiryStep", "information-request", "requestSubject", "Medical logs", "requestDeadline", ReviewDriver.future(10)));

    Job reminder = management.createJobQuery().processInstanceId(pi.getId()).activityId("BoundaryEvent_RequestReminder").singleResult();
    Job overdue = management.createJobQuery().processInstanceId(pi.getId()).activityId("BoundaryEvent_RequestOverdue").singleResult();
    assertThat(reminder.getDuedate()).isBefore(overdue.getDuedate());
    assertThat(overdue.getDuedate()).isAfter(java.sql.Date.valueOf(LocalDate.now().plusDays(10)));

    drive.fireTimer(pi, "BoundaryEvent_RequestReminder");
    assertThat(pi).hasPassed("ServiceTask_RemindInstitution", "EndEvent_ReminderSent");
    drive.fireTimer(pi, "BoundaryEvent_RequestOverdue");
    assertThat(pi).isWaitingAt("UserTask_HandleOverdueRequest");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_HandleOverdueRequest");
    Map<String, Object> request = jdbc.queryForMap(
        "select status, reminded_at, escalated_at from oversight_inquiry where review_id = ?", drive.reviewId(pi));
    assertThat(request.get("STATUS")).isEqualTo("overdue");
    assertThat(request.get("REMINDED_AT")).isNotNull();
    assertThat(request.get("ESCALATED_AT")).isNotNull();

    drive.complete(pi, "UserTask_HandleOverdueRequest", Map.of("overdueNote", "Summon the director to a hearing"));
    assertThat(pi).isWaitingAt("UserTask_ConductInquiry");
    runtime.deleteProcessInstance(pi.getId(), "test finished");
  }

  @Test
  @Order(4)
  void aFailedQuorumAndARejectedDraftGoBackToDrafting() {
    ProcessInstance pi = track(drive.startOwnMotion("Army"));
    drive.admit(pi);
    drive.declareAndRule(pi, Set.of("member2"));
    drive.closeInquiry(pi);
    drive.allFindings(pi);

    // round 1: only one of three participants votes before the voting period ends
    drive.draft(pi, "Draft 1");
    drive.vote(pi, Map.of("member1", "for"));
    drive.fireTimer(pi, "BoundaryEvent_VotingClosed");
    assertThat(runtime.getVariable(pi.getId(), "voteOutcome")).isEqualTo("NO_QUORUM");
    assertThat(pi).isWaitingAt("UserTask_DraftReport");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_VoteOnReport").count()).isZero();

    // round 2: quorum, but 1 for and 2 against
    drive.draft(pi, "Draft 2");
    drive.vote(pi, Map.of("chair", "for", "member1", "against", "member3", "against"));
    assertThat(runtime.getVariable(pi.getId(), "voteOutcome")).isEqualTo("REJECTED");
    assertThat(pi).isWaitingAt("UserTask_DraftReport");

    // round 3: adopted
    drive.draft(pi, "Draft 3");
    drive.vote(pi, Map.of("chair", "for", "member1", "for", "member3", "against"));
    assertThat(pi).isWaitingAt("UserTask_AddRecommendation");
    assertThat(jdbc.queryForList("select outcome from oversight_vote_result where review_id = ? order by round_no", String.class,
            drive.reviewId(pi)))
        .containsExactly("NO_QUORUM", "REJECTED", "ADOPTED");
    assertThat(drive.reviewColumn(pi, "draft_report")).isEqualTo("Draft 3");
    runtime.deleteProcessInstance(pi.getId(), "test finished");
  }

  @Test
  @Order(5)
  void aRejectedRecommendationProducesASpecialReportThenFollowUpClosesTheRest() {
    ProcessInstance pi = track(drive.startOwnMotion("Border Guard"));
    drive.toRecommendations(pi);
    drive.recommend(pi, "Publish detention statistics", true);
    drive.recommend(pi, "Dismiss the commander", false);
    drive.complete(pi, "UserTask_RecordInstitutionResponse",
        Map.of("institutionResponse", "rejected-some", "rejectedRecommendations", "2", "responseSummary", "Refuses dismissal"));
    assertThat(drive.recommendationStatuses(pi)).containsExactly("accepted", "rejected");
    assertThat(pi).isWaitingAt("UserTask_DecideSpecialReport");

    drive.complete(pi, "UserTask_DecideSpecialReport", Map.of("specialDecision", "publish", "specialReport", "The institution refused"));
    assertThat(drive.reviewColumn(pi, "special_decision")).isEqualTo("publish");
    drive.fireTimer(pi, "TimerEvent_FollowUpDue");
    drive.complete(pi, "UserTask_ReviewFollowUp", Map.of("implementedRecommendations", "1", "followUpNotes", "Statistics published", "escalate", false));
    drive.complete(pi, "UserTask_WriteFinalReport", Map.of("finalReport", "Closed; one recommendation rejected."));
    assertThat(pi).isEnded().hasPassed("EndEvent_ReviewClosed");
    assertThat(drive.recommendationStatuses(pi)).containsExactly("implemented", "rejected");
  }

  @Test
  @Order(6)
  void noResponseByTheDeadlineProducesASpecialReportEscalatedToParliament() {
    ProcessInstance pi = track(drive.startOwnMotion("Intelligence Service"));
    drive.toRecommendations(pi);
    // the checkbox left unticked arrives as no value at all (Tasklist may send none)
    drive.complete(pi, "UserTask_AddRecommendation",
        Map.of("recommendationText", "Open the archives to the committee", "addressee", "Director", "recommendationDeadline", ReviewDriver.future(60)));
    Job deadline = management.createJobQuery().processInstanceId(pi.getId()).activityId("BoundaryEvent_ResponseOverdue").singleResult();
    assertThat(deadline.getDuedate()).isAfter(java.sql.Date.valueOf(LocalDate.now().plusDays(59)));
    drive.fireTimer(pi, "BoundaryEvent_ResponseOverdue");
    assertThat(pi).hasPassed("ServiceTask_RecordNoResponse").isWaitingAt("UserTask_DecideSpecialReport");
    assertThat(drive.reviewColumn(pi, "response_summary")).isEqualTo("No response by the deadline");

    drive.complete(pi, "UserTask_DecideSpecialReport",
        Map.of("specialDecision", "escalate-to-parliament", "specialReport", "No response; referred to parliament"));
    assertThat(pi).isWaitingAt("UserTask_WriteFinalReport");
    drive.complete(pi, "UserTask_WriteFinalReport", Map.of("finalReport", "Escalated to parliament."));
    assertThat(pi).isEnded().hasPassed("EndEvent_ReviewClosed");
    assertThat(drive.recommendationStatuses(pi)).containsExactly("open");
  }

  @Test
  @Order(7)
  void anEscalatedFollowUpGoesToASpecialReportAndBackToFollowUp() {
    ProcessInstance pi = track(drive.startOwnMotion("Customs"));
    drive.toRecommendations(pi);
    drive.recommend(pi, "Rotate staff at border posts", false);
    drive.complete(pi, "UserTask_RecordInstitutionResponse", Map.of("institutionResponse", "accepted-all", "responseSummary", "Accepted"));
    drive.fireTimer(pi, "TimerEvent_FollowUpDue");
    drive.complete(pi, "UserTask_ReviewFollowUp", Map.of("followUpNotes", "Nothing done after a year", "escalate", true));
    assertThat(pi).isWaitingAt("UserTask_DecideSpecialReport");
    drive.complete(pi, "UserTask_DecideSpecialReport", Map.of("specialDecision", "publish", "specialReport", "No progress"));
    assertThat(pi).isWaitingAt("TimerEvent_FollowUpDue");
    drive.fireTimer(pi, "TimerEvent_FollowUpDue");
    drive.complete(pi, "UserTask_ReviewFollowUp", Map.of("rejectedInFollowUp", "1", "followUpNotes", "Finally refused"));
    assertThat(drive.recommendationStatuses(pi)).containsExactly("rejected");
    drive.complete(pi, "UserTask_WriteFinalReport", Map.of("finalReport", "Closed."));
    assertThat(pi).isEnded();
  }

  @Test
  @Order(8)
  void theScheduleStartsAReviewOfEachInstitutionDueAndNothingWhenNoneIsDue() {
    jdbc.update("delete from oversight_schedule");
    String insert = "insert into oversight_schedule (institution, unit, interval_months, next_due) values (?, ?, ?, ?)";
    jdbc.update(insert, "Gendarmerie", "Eastern Region", 24, java.sql.Date.valueOf(LocalDate.now().minusDays(3)));
    jdbc.update(insert, "Police Academy", "Cadets", 36, java.sql.Date.valueOf(LocalDate.now()));
    jdbc.update(insert, "Coast Guard", "Harbour", 12, java.sql.Date.valueOf(LocalDate.now().plusDays(30)));
    ProcessDefinition schedule =
        repository.createProcessDefinitionQuery().processDefinitionKey("oversight-review-schedule").latestVersion().singleResult();
    Job cycle = management.createJobQuery().processDefinitionId(schedule.getId()).activityId("StartEvent_ScheduleDue").singleResult();
    assertThat(cycle).as("the periodic-review timer start").isNotNull();

    Set<String> before = instanceIds();
    management.executeJob(cycle.getId());
    Set<String> started = instanceIds();
    started.removeAll(before);
    assertThat(started).hasSize(2);
    Set<String> institutions = new TreeSet<>();
    for (String id : started) {
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      track(pi);
      assertThat(pi).isWaitingAt("UserTask_AssessAdmissibility");
      assertThat(drive.reviewColumn(pi, "trigger_kind")).isEqualTo("schedule");
      institutions.add(drive.reviewColumn(pi, "institution"));
      runtime.deleteProcessInstance(id, "test finished");
    }
    assertThat(institutions).containsExactly("Gendarmerie", "Police Academy");
    assertThat(jdbc.queryForObject("select next_due from oversight_schedule where institution = 'Gendarmerie'", java.sql.Date.class).toLocalDate())
        .isEqualTo(LocalDate.now().plusMonths(24));

    // the cycle fires again: nothing due, no review started
    Job next = management.createJobQuery().processDefinitionId(schedule.getId()).activityId("StartEvent_ScheduleDue").singleResult();
    before = instanceIds();
    management.executeJob(next.getId());
    assertThat(instanceIds()).isEqualTo(before);
    jdbc.update("delete from oversight_schedule");
  }

  private Set<String> instanceIds() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("oversight-review").list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @Order(100)
  void flowNodeCoverageIsAtLeastNinetyPercent() throws IOException {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("oversight-review").latestVersion().singleResult();
    Collection<FlowNode> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class);
    Set<String> all = nodes.stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = new TreeSet<>();
    for (String instance : INSTANCES) {
      for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance).list()) {
        covered.add(activity.getActivityId());
      }
    }
    covered.retainAll(all);
    Set<String> missed = new TreeSet<>(all);
    missed.removeAll(covered);
    double coverage = (double) covered.size() / all.size();
    Map<String, Object> report = new HashMap<>();
    String text = String.format("oversight-review flow-node coverage: %d of %d = %.1f%%%nnot covered: %s%n",
        covered.size(), all.size(), 100 * coverage, missed);
    Path file = Path.of("target", "process-test-coverage", "oversight-review.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    System.out.print(text);
    assertThat(coverage).as(text).isGreaterThanOrEqualTo(0.9);
  }
}
