package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.probity.equality.EqualityScenario.KEY;
import static org.probity.equality.EqualityScenario.of;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of equality-program-approval, timers driven explicitly; after the class, the
 * flow-node coverage of the instances these tests ran is measured, written to
 * target/process-test-coverage/equality-program-approval.txt and must be at least 90%.
 */
@ProbityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EqualityProgramApprovalProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired EqualityPrograms programs;
  @Autowired JdbcTemplate jdbc;

  final List<String> instances = new ArrayList<>();

  @BeforeAll
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterAll
  void endRunningInstances() {
    EqualityScenario.deleteRunningInstances(runtimeService);
  }

  @Test
  void anAdoptedProgramIsImplementedMonitoredEvaluatedAndClosed() {
    ProcessInstance pi = throughFinance();
    assertThat(pi).isWaitingAt("UserTask_CastVote");
    assertThat(program(pi).status()).isEqualTo("IN_COMMITTEE");
    vote(pi, Map.of("chair", "for", "member1", "for", "member2", "against", "member3", "abstain"));
    assertThat(pi).hasPassed("ServiceTask_CountVotes").isWaitingAt("UserTask_PlanImplementation");
    assertThat(pi).variables().containsEntry("adopted", true).containsEntry("quorumReached", true);

    complete(pi, "UserTask_PlanImplementation", EqualityScenario.plan());
    assertThat(pi).isWaitingAt("UserTask_TrackImplementation");
    assertThat(pi).variables().containsEntry("monitoringCycle", "R4/P3M").containsEntry("reportGracePeriod", "P14D");
    assertThat(jdbc.queryForObject("select count(*) from equality_milestone where program_id = ?", Integer.class,
        programId(pi))).isEqualTo(2);

    // first quarterly report: on track, no harm
    executeTimer(pi, "BoundaryEvent_MonitoringReportDue");
    complete(pi, "UserTask_SubmitMonitoringReport",
        of("indicator1Value", 44L, "indicator2Value", 16L, "harmObserved", false, "reportNotes", "Hiring on plan"));
    assertThat(pi).hasPassed("EndEvent_ReportFiled");
    assertThat(jdbc.queryForObject("select count(*) from equality_monitoring_report where program_id = ? and harm_signalled = false",
        Integer.class, programId(pi))).isEqualTo(1);

    complete(pi, "UserTask_TrackImplementation", of("implementationSummary", "All milestones met"));
    complete(pi, "UserTask_EvaluateProgram", of("evaluationOutcome", "achieved", "evaluationSummary", "Gap halved"));
    assertThat(pi).hasPassed("ServiceTask_CloseProgram", "EndEvent_ProgramClosed").isEnded();
    EqualityProgram p = program(pi);
    assertThat(p.status()).isEqualTo("CLOSED");
    assertThat(p.outcome()).isEqualTo("achieved");
    assertThat(p.reference()).matches("EQP-\\d{4}-\\d{6}");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo(p.reference());
  }

  @Test
  void anIncompleteProposalGoesBackToTheAnalystWithTheReason() {
    ProcessInstance pi = start();
    complete(pi, "UserTask_CheckCompleteness",
        of("completenessDecision", "incomplete", "revisionReason", "No baseline source for indicator 2"));
    assertThat(pi).isWaitingAt("UserTask_ReviseProposal");
    assertThat(task(pi, "UserTask_ReviseProposal").getDescription()).contains("No baseline source for indicator 2");

    Map<String, Object> revised = EqualityScenario.proposal();
    revised.put("budget", 2_000_000L);
    revised.put("revisionNote", "Baseline source added");
    complete(pi, "UserTask_ReviseProposal", revised);
    assertThat(pi).isWaitingAt("UserTask_CheckCompleteness");
    assertThat(program(pi).revisions()).isEqualTo(1);
    assertThat(program(pi).budget()).isEqualByComparingTo("2000000");

    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    assertThat(pi).isWaitingAt("UserTask_AssessImpact");
  }

  @Test
  void aScoreBelowThePassMarkSendsTheProgramBackBeforeFinanceAndCommittee() {
    ProcessInstance pi = start();
    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.thinImpact());
    assertThat(pi).variables().containsEntry("dataCoverage", 20).containsEntry("mostDisadvantagedTargeted", true);
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("medium", true));

    assertThat(pi).hasPassed("BusinessRuleTask_ScoreEquity", "ServiceTask_TallyEquityScore")
        .hasNotPassed("UserTask_FinanceReview").isWaitingAt("UserTask_ReviseProposal");
    assertThat(pi).variables().containsEntry("equityScore", 35).containsEntry("scorePassed", false);
    assertThat(task(pi, "UserTask_ReviseProposal").getDescription()).contains("Equity score 35 is below the pass mark of 50");
    EqualityProgram p = program(pi);
    assertThat(p.status()).isEqualTo("IN_REVISION");
    assertThat(p.equityScore()).isEqualTo(35);
    // the missing data is recorded cell by cell, not hidden
    assertThat(jdbc.queryForObject("select count(*) from equality_impact_cell where program_id = ? and data_missing = true",
        Integer.class, programId(pi))).isEqualTo(4);

    // the revision goes through the whole assessment again, and a better one passes
    Map<String, Object> revised = EqualityScenario.proposal();
    revised.put("revisionNote", "Survey data collected for all dimensions");
    complete(pi, "UserTask_ReviseProposal", revised);
    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.fullImpact());
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("medium", true));
    assertThat(pi).isWaitingAt("UserTask_FinanceReview");
    assertThat(pi).variables().containsEntry("equityScore", 90).containsEntry("assessmentRound", 2);
  }

  @Test
  void aHighRiskWithoutMitigationPlanCannotProceedWhateverTheScore() {
    ProcessInstance pi = start();
    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.fullImpact());
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("high", false));
    assertThat(pi).variables().containsEntry("equityScore", 75).containsEntry("scorePassed", true)
        .containsEntry("riskBlocked", true);
    assertThat(pi).hasNotPassed("UserTask_FinanceReview").isWaitingAt("UserTask_ReviseProposal");
    assertThat(task(pi, "UserTask_ReviseProposal").getDescription()).contains("High atrocity risk without a mitigation plan");
    assertThat(program(pi).riskRating()).isEqualTo("high");
  }

  @Test
  void financeMayReturnTheProgramForRevision() {
    ProcessInstance pi = throughScore();
    complete(pi, "UserTask_FinanceReview", of("financeDecision", "return", "financeNotes", "Unit costs too high",
        "revisionReason", "Unit cost per job above the national benchmark"));
    assertThat(pi).isWaitingAt("UserTask_ReviseProposal");
    assertThat(task(pi, "UserTask_ReviseProposal").getDescription()).contains("Unit cost per job");
  }

  @Test
  void aCommitteeVoteAgainstRejectsTheProgram() {
    ProcessInstance pi = throughFinance();
    vote(pi, Map.of("chair", "against", "member1", "against", "member2", "for", "member3", "recuse"));
    assertThat(pi).hasPassed("EndEvent_CommitteeRejected").isEnded();
    assertThat(program(pi).status()).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("select reason from equality_committee_vote where program_id = ? and member = 'member3'",
        String.class, programId(pi))).isEqualTo("Conflict of interest: related to a contractor");
  }

  @Test
  void withoutQuorumTheProgramIsNotAdopted() {
    ProcessInstance pi = throughFinance();
    vote(pi, Map.of("chair", "recuse", "member1", "recuse", "member2", "recuse", "member3", "recuse"));
    assertThat(pi).hasPassed("EndEvent_CommitteeRejected").isEnded();
    assertThat(pi).variables().containsEntry("quorumReached", false);
    assertThat(program(pi).status()).isEqualTo("NO_QUORUM");
  }

  @Test
  void theCommitteeSuspendsAProgramWhenMonitoringShowsHarm() {
    ProcessInstance pi = implementing();
    executeTimer(pi, "BoundaryEvent_MonitoringReportDue");
    complete(pi, "UserTask_SubmitMonitoringReport", of("indicator1Value", 47L, "indicator2Value", 15L,
        "harmObserved", true, "reportNotes", "Clashes at two recruitment centres"));
    assertThat(pi).isWaitingAt("UserTask_ReviewMonitoringReport", "UserTask_TrackImplementation");
    complete(pi, "UserTask_ReviewMonitoringReport", of("monitoringDecision", "suspend", "monitoringReason", "Violence"));
    assertThat(pi).hasPassed("ServiceTask_SuspendProgram", "EndEvent_ProgramSuspended").isEnded();
    assertThat(program(pi).status()).isEqualTo("SUSPENDED");
  }

  @Test
  void anIndicatorWorseThanItsBaselineSignalsHarmAndTheCommitteeMayLetTheProgramContinue() {
    ProcessInstance pi = implementing();
    executeTimer(pi, "BoundaryEvent_MonitoringReportDue");
    // employment rate fell below its baseline of 40
    complete(pi, "UserTask_SubmitMonitoringReport",
        of("indicator1Value", 35L, "harmObserved", false, "reportNotes", "Seasonal drought"));
    assertThat(pi).variables().containsEntry("harmSignalled", true);
    complete(pi, "UserTask_ReviewMonitoringReport", of("monitoringDecision", "continue", "monitoringReason", "Drought"));
    assertThat(pi).hasPassed("EndEvent_ReportReviewed").isWaitingAt("UserTask_TrackImplementation");
    assertThat(program(pi).status()).isEqualTo("IMPLEMENTING");
  }

  @Test
  void aMissedMonitoringReportEscalatesToTheCommitteeChair() {
    ProcessInstance pi = implementing();
    executeTimer(pi, "BoundaryEvent_MonitoringReportDue");
    assertThat(pi).isWaitingAt("UserTask_SubmitMonitoringReport");
    // the next report of the cycle is scheduled already
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_MonitoringReportDue").count()).isEqualTo(1);

    executeTimer(pi, "BoundaryEvent_MonitoringReportOverdue");
    Task chase = task(pi, "UserTask_ChaseMissedReport");
    assertThat(chase).hasCandidateGroup("committee-chair");
    assertThat(pi).isWaitingAt("UserTask_SubmitMonitoringReport", "UserTask_ChaseMissedReport");
    assertThat(program(pi).missedReports()).isEqualTo(1);
    complete(pi, "UserTask_ChaseMissedReport", of("chaseAction", "Called the program director"));
    assertThat(pi).hasPassed("EndEvent_MissedReportChased");
  }

  /** Flow-node coverage over every instance this class ran. */
  @AfterAll
  void flowNodeCoverageIsAtLeastNinetyPercent() throws IOException {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    Set<String> nodes = repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = new TreeSet<>();
    for (String id : instances) {
      historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
          .map(HistoricActivityInstance::getActivityId).filter(nodes::contains).forEach(covered::add);
    }
    double coverage = 100.0 * covered.size() / nodes.size();
    Set<String> missed = new TreeSet<>(nodes);
    missed.removeAll(covered);
    Path report = Path.of("target/process-test-coverage/" + KEY + ".txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, String.format("%s flow-node coverage: %d/%d = %.1f%%%nnot covered: %s%n", KEY,
        covered.size(), nodes.size(), coverage, missed));
    assertThat(coverage).as("flow-node coverage of %s, not covered: %s", KEY, missed).isGreaterThanOrEqualTo(90.0);
  }

  // --- paths ---

  private ProcessInstance start() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    instances.add(pi.getId());
    assertThat(pi).hasPassed("ServiceTask_RecordProposal").isWaitingAt("UserTask_CheckCompleteness");
    assertThat(task(pi, "UserTask_CheckCompleteness")).hasCandidateGroup("equality-analysts");
    return pi;
  }

  private ProcessInstance throughScore() {
    ProcessInstance pi = start();
    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.fullImpact());
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("low", true));
    assertThat(pi).variables().containsEntry("equityScore", 100).containsEntry("scorePassed", true)
        .containsEntry("riskBlocked", false);
    assertThat(pi).isWaitingAt("UserTask_FinanceReview");
    assertThat(task(pi, "UserTask_FinanceReview")).hasCandidateGroup("finance-officers");
    return pi;
  }

  private ProcessInstance throughFinance() {
    ProcessInstance pi = throughScore();
    complete(pi, "UserTask_FinanceReview", of("financeDecision", "approve", "financeNotes", "Budget lines published"));
    return pi;
  }

  private ProcessInstance implementing() {
    ProcessInstance pi = throughFinance();
    vote(pi, Map.of("chair", "for", "member1", "for", "member2", "for", "member3", "for"));
    complete(pi, "UserTask_PlanImplementation", EqualityScenario.plan());
    assertThat(pi).isWaitingAt("UserTask_TrackImplementation");
    return pi;
  }

  private void vote(ProcessInstance pi, Map<String, String> votes) {
    List<Task> ballots = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_CastVote").list();
    assertThat(ballots).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(votes.keySet());
    for (Task ballot : ballots) {
      String vote = votes.get(ballot.getAssignee());
      taskService.complete(ballot.getId(), of("vote", vote, "voteReason",
          vote.equals("recuse") ? "Conflict of interest: related to a contractor" : ""));
    }
  }

  private void complete(ProcessInstance pi, String activityId, Map<String, Object> variables) {
    taskService.complete(task(pi, activityId).getId(), variables);
  }

  private Task task(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
  }

  private void executeTimer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private EqualityProgram program(ProcessInstance pi) {
    return programs.findByProcessInstance(pi.getId()).orElseThrow();
  }

  private long programId(ProcessInstance pi) {
    return jdbc.queryForObject("select id from equality_program where process_instance_id = ?", Long.class, pi.getId());
  }
}
