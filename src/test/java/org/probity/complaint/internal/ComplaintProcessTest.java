package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.probity.complaint.ComplaintProcess;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of complaint-handling, driven through the engine as Tasklist would (start form,
 * task completion with the forms' fields), timers executed explicitly. The last test measures the
 * flow-node coverage of the instances this class ran and writes it under target/.
 */
@ProbityTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintProcessTest {

  static final Set<String> instances = Collections.synchronizedSet(new LinkedHashSet<>());

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReceiptCodes receipts;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  ProcessInstance start(Map<String, Object> values) {
    String definition =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definition, values);
    receipts.forget();
    instances.add(instance.getId());
    return instance;
  }

  String reference(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), "complaintReference");
  }

  Task task(ProcessInstance pi, String activity) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).singleResult();
  }

  void complete(ProcessInstance pi, String activity, Object... keyValues) {
    Task task = task(pi, activity);
    assertThat(task).as("open task " + activity).isNotNull();
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    taskService.complete(task.getId(), vars);
  }

  void executeTimer(ProcessInstance pi, String activity) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    assertThat(job).as("timer " + activity).isNotNull();
    managementService.executeJob(job.getId());
  }

  void acknowledge(ProcessInstance pi) {
    complete(pi, "UserTask_AcknowledgeComplaint", "acknowledgementNote", "");
  }

  void acceptTriage(ProcessInstance pi) {
    Object recommended = runtimeService.getVariable(pi.getId(), "recommendedRoute");
    complete(pi, "UserTask_TriageComplaint", "route", recommended);
  }

  void findings(ProcessInstance pi, String finding) {
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "findings", "finding1", finding, "finding1Reason", "Witnesses and medical report.");
  }

  String status(String reference) {
    return jdbc.queryForObject("select status from complaint where reference = ?", String.class, reference);
  }

  @Test
  @Order(1)
  void sustainedSeriousComplaintGoesToCommitteeRequestsVettingAndClosesAfterADismissedAppeal() {
    ProcessInstance pi = start(ComplaintFixtures.intake("excessive-force", "serious"));
    String reference = reference(pi);
    assertThat(reference).matches("CMP-\\d{4}-\\d{6}");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey()).isEqualTo(reference);
    assertThat(pi).isWaitingAt("UserTask_AcknowledgeComplaint", "UserTask_TriageComplaint");
    assertThat(runtimeService.getVariables(pi.getId()).keySet()).noneMatch(k -> k.startsWith("pii"));
    assertThat(runtimeService.getVariable(pi.getId(), "recommendedRoute")).isEqualTo("independent-investigation");
    assertThat(runtimeService.getVariable(pi.getId(), "route")).isEqualTo("independent-investigation");

    acknowledge(pi);
    assertThat(pi).hasPassed("ServiceTask_SendAcknowledgement", "EndEvent_Acknowledged");
    assertThat(jdbc.queryForObject("select count(*) from complaint_notice where reference = ? and kind = 'acknowledgement'", Integer.class, reference)).isEqualTo(1);

    acceptTriage(pi);
    assertThat(pi).hasPassed("Gateway_RouteDecided", "ServiceTask_AssignInvestigator").isWaitingAt("UserTask_InvestigateComplaint");
    String investigator = (String) runtimeService.getVariable(pi.getId(), "investigator");
    assertThat(investigator).isIn("investigator", "investigator2");
    assertThat(task(pi, "UserTask_InvestigateComplaint").getAssignee()).isEqualTo(investigator);
    assertThat(task(pi, "UserTask_InvestigateComplaint").getDueDate()).isNotNull();
    assertThat(status(reference)).isEqualTo("under-investigation");

    findings(pi, "sustained");
    assertThat(pi).hasPassed("Gateway_CommitteeReviewNeeded").isWaitingAt("UserTask_CommitteeReview");
    assertThat(task(pi, "UserTask_CommitteeReview")).hasCandidateGroup("oversight-committee");
    complete(pi, "UserTask_CommitteeReview", "committeeDecision", "confirm", "committeeReasons", "Findings supported by the evidence.");

    assertThat(pi).hasPassed("ServiceTask_NotifyOutcome", "ServiceTask_CheckPattern", "IntermediateThrowEvent_RequestVettingReview");
    assertThat(pi).isWaitingAt("Gateway_AppealWindow");
    assertThat(jdbc.queryForObject("select delivery from complaint_vetting_request where reference = ?", String.class, reference)).isEqualTo("started");
    assertThat(jdbc.queryForObject("select disposition from complaint where reference = ?", String.class, reference)).isEqualTo("sustained");

    runtimeService.createMessageCorrelation(ComplaintProcess.APPEAL_LODGED).processInstanceBusinessKey(reference).correlate();
    assertThat(pi).isWaitingAt("UserTask_ReviewAppeal");
    complete(pi, "UserTask_ReviewAppeal", "appealDecision", "dismissed", "appealReasons", "No new evidence.");
    assertThat(pi).hasPassed("ServiceTask_NotifyAppealDismissed", "ServiceTask_CloseComplaint", "EndEvent_ComplaintClosed").isEnded();
    assertThat(status(reference)).isEqualTo("closed");
    assertThat(jdbc.queryForList("select kind from complaint_notice where reference = ? order by created_at", String.class, reference))
        .contains("acknowledgement", "outcome", "appeal-dismissed", "closure");
  }

  @Test
  @Order(2)
  void minorComplaintIsResolvedLocallyWithoutCommitteeAndClosesWhenTheAppealWindowEnds() {
    ProcessInstance pi = start(ComplaintFixtures.anonymous("misconduct-in-service", "low"));
    String reference = reference(pi);
    acknowledge(pi);
    acceptTriage(pi);
    assertThat(pi).isWaitingAt("UserTask_ResolveLocally");
    complete(pi, "UserTask_ResolveLocally", "localResolutionOutcome", "resolved", "localResolutionNotes", "Apology accepted by the complainant.");
    assertThat(pi).hasPassed("Gateway_LocalResolutionOutcome", "Gateway_MergeCommitteeCheck", "Gateway_MergeOutcome", "ServiceTask_NotifyOutcome");
    assertThat(pi).hasNotPassed("UserTask_CommitteeReview", "IntermediateThrowEvent_RequestVettingReview");
    assertThat(jdbc.queryForObject("select disposition from complaint where reference = ?", String.class, reference)).isEqualTo("resolved-locally");
    executeTimer(pi, "IntermediateCatchEvent_AppealWindowClosed");
    assertThat(pi).hasPassed("Gateway_MergeClose", "ServiceTask_CloseComplaint").isEnded();
  }

  @Test
  @Order(3)
  void localResolutionThatFailsIsEscalatedToInvestigation() {
    ProcessInstance pi = start(ComplaintFixtures.intake("property-damage", "medium"));
    acceptTriage(pi);
    complete(pi, "UserTask_ResolveLocally", "localResolutionOutcome", "escalate", "localResolutionNotes", "The complainant wants an investigation.");
    assertThat(pi).hasPassed("ServiceTask_AssignInvestigator").isWaitingAt("UserTask_InvestigateComplaint");
    findings(pi, "unfounded");
    // not sustained, medium, internal route: no committee
    assertThat(pi).hasNotPassed("UserTask_CommitteeReview").isWaitingAt("Gateway_AppealWindow");
  }

  @Test
  @Order(4)
  void triageOfficerOverridesTheRouteWithAReason() {
    ProcessInstance pi = start(ComplaintFixtures.intake("threats", "low"));
    String reference = reference(pi);
    assertThat(runtimeService.getVariable(pi.getId(), "recommendedRoute")).isEqualTo("local-resolution");
    complete(pi, "UserTask_TriageComplaint", "route", "internal-investigation", "routeOverrideReason", "Third complaint from the same street.");
    assertThat(pi).isWaitingAt("UserTask_InvestigateComplaint");
    assertThat(jdbc.queryForMap("select recommended_route, route, route_override_reason from complaint where reference = ?", reference))
        .containsEntry("RECOMMENDED_ROUTE", "local-resolution")
        .containsEntry("ROUTE", "internal-investigation")
        .containsEntry("ROUTE_OVERRIDE_REASON", "Third complaint from the same street.");
  }

  @Test
  @Order(5)
  void investigatorWhoDeclaresAConflictIsReplacedAndNeverFromTheOfficersUnit() {
    Map<String, Object> values = ComplaintFixtures.intake("unlawful-detention", "medium");
    ProcessInstance pi = start(values);
    String reference = reference(pi);
    acceptTriage(pi);
    String first = (String) runtimeService.getVariable(pi.getId(), "investigator");
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "conflict", "conflictReason", "The officer is my brother-in-law.");
    String second = (String) runtimeService.getVariable(pi.getId(), "investigator");
    assertThat(second).isNotEqualTo(first);
    assertThat(task(pi, "UserTask_InvestigateComplaint").getAssignee()).isEqualTo(second);
    assertThat(jdbc.queryForObject("select count(*) from complaint_conflict where reference = ? and username = ?", Integer.class, reference, first)).isEqualTo(1);

    // the second declares too: nobody is left, the chair chooses
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "conflict", "conflictReason", "I supervised the officer.");
    assertThat(pi).isWaitingAt("UserTask_ChooseInvestigator");
    assertThat(task(pi, "UserTask_ChooseInvestigator")).hasCandidateGroup("committee-chair");
    assertThat(status(reference)).isEqualTo("awaiting-assignment");
    // an ineligible choice is refused by the engine (InvestigatorChoiceRule), nothing changes
    String choice = task(pi, "UserTask_ChooseInvestigator").getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> taskService.complete(choice, Map.of("chosenInvestigator", first, "assignmentNote", "")))
        .hasMessageContaining("chosenInvestigator")
        .hasMessageContaining("conflict of interest");
    assertThat(pi).isWaitingAt("UserTask_ChooseInvestigator");
    assertThat(runtimeService.getVariable(pi.getId(), "chosenInvestigator")).isNull();
  }

  @Test
  @Order(6)
  void anOfficerFromTheInvestigatorsUnitIsNeverInvestigatedByThem() {
    Map<String, Object> values = ComplaintFixtures.intake("corruption-extortion", "low");
    values.put("subjectUnit", "central police district ");
    ProcessInstance pi = start(values);
    acceptTriage(pi);
    assertThat(runtimeService.getVariable(pi.getId(), "investigator")).isEqualTo("investigator2");
  }

  @Test
  @Order(7)
  void extensionIsRecordedAndToldToTheComplainantAndOverdueInvestigationEscalates() {
    ProcessInstance pi = start(ComplaintFixtures.intake("discrimination", "medium"));
    String reference = reference(pi);
    acceptTriage(pi);
    String until = LocalDate.now().plusDays(120).toString();
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "extension", "extensionReason", "Witness abroad until spring.", "extensionUntil", until);
    assertThat(pi).hasPassed("ServiceTask_RecordExtension").isWaitingAt("UserTask_InvestigateComplaint");
    assertThat(jdbc.queryForObject("select count(*) from complaint_extension where reference = ?", Integer.class, reference)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from complaint_notice where reference = ? and kind = 'extension'", Integer.class, reference)).isEqualTo(1);
    assertThat(task(pi, "UserTask_InvestigateComplaint").getDueDate().toInstant().toString()).startsWith(until);

    executeTimer(pi, "BoundaryEvent_InvestigationOverdue");
    assertThat(pi).isWaitingAt("UserTask_InvestigateComplaint", "UserTask_EscalateOverdueInvestigation");
    assertThat(task(pi, "UserTask_EscalateOverdueInvestigation")).hasCandidateGroup("committee-chair");
    complete(pi, "UserTask_EscalateOverdueInvestigation", "overdueInvestigationNote", "Reminded the investigator; weekly report.");
    assertThat(pi).hasPassed("EndEvent_OverdueInvestigationEscalated").isWaitingAt("UserTask_InvestigateComplaint");
  }

  @Test
  @Order(8)
  void overdueAcknowledgementGoesToTheChair() {
    ProcessInstance pi = start(ComplaintFixtures.intake("other", "low"));
    executeTimer(pi, "BoundaryEvent_AcknowledgementOverdue");
    assertThat(pi).isWaitingAt("UserTask_AcknowledgeComplaint", "UserTask_ReviewOverdueAcknowledgement");
    assertThat(task(pi, "UserTask_ReviewOverdueAcknowledgement")).hasCandidateGroup("committee-chair");
    complete(pi, "UserTask_ReviewOverdueAcknowledgement", "overdueAcknowledgementNote", "Intake understaffed this week; done now.");
    assertThat(pi).hasPassed("EndEvent_OverdueAcknowledgementReviewed");
    acknowledge(pi);
    assertThat(pi).hasPassed("EndEvent_Acknowledged");
  }

  @Test
  @Order(9)
  void committeeSendsBackAndAnUpheldAppealGoesToADifferentInvestigator() {
    Map<String, Object> values = ComplaintFixtures.intake("torture-ill-treatment", "medium");
    values.put("allegation2Type", "threats");
    values.put("allegation2Severity", "low");
    ProcessInstance pi = start(values);
    String reference = reference(pi);
    assertThat(runtimeService.getVariable(pi.getId(), "allegationCount")).isEqualTo(2);
    acceptTriage(pi);
    String first = (String) runtimeService.getVariable(pi.getId(), "investigator");
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "findings", "finding1", "not-sustained", "finding1Reason", "No medical evidence.",
        "finding2", "unfounded", "finding2Reason", "Contradicted by CCTV.");
    assertThat(pi).isWaitingAt("UserTask_CommitteeReview");
    complete(pi, "UserTask_CommitteeReview", "committeeDecision", "further-investigation", "committeeReasons", "Hear the cellmate.");
    assertThat(pi).isWaitingAt("UserTask_InvestigateComplaint");
    assertThat(task(pi, "UserTask_InvestigateComplaint").getAssignee()).isEqualTo(first);
    complete(pi, "UserTask_InvestigateComplaint", "investigationAction", "findings", "finding1", "policy-failure", "finding1Reason", "Custody records incomplete.",
        "finding2", "unfounded", "finding2Reason", "Contradicted by CCTV.");
    complete(pi, "UserTask_CommitteeReview", "committeeDecision", "confirm", "committeeReasons", "Agreed.");
    assertThat(pi).hasNotPassed("IntermediateThrowEvent_RequestVettingReview").isWaitingAt("Gateway_AppealWindow");
    runtimeService.createMessageCorrelation(ComplaintProcess.APPEAL_LODGED).processInstanceBusinessKey(reference).correlate();
    complete(pi, "UserTask_ReviewAppeal", "appealDecision", "upheld", "appealReasons", "The cellmate was never heard.");
    assertThat(pi).hasPassed("Gateway_AppealDecision").isWaitingAt("UserTask_InvestigateComplaint");
    assertThat(runtimeService.getVariable(pi.getId(), "investigator")).isNotEqualTo(first);
  }

  @Test
  @Order(10)
  void threeComplaintsAgainstTheSameOfficerWithinAYearRequestAVettingReview() {
    String officer = ComplaintFixtures.freshServiceNumber();
    ProcessInstance last = null;
    for (int i = 0; i < 3; i++) {
      Map<String, Object> values = ComplaintFixtures.intake("misconduct-in-service", "low");
      values.put("subjectServiceNumber", officer);
      last = start(values);
    }
    ProcessInstance pi = last;
    acceptTriage(pi);
    complete(pi, "UserTask_ResolveLocally", "localResolutionOutcome", "resolved", "localResolutionNotes", "Resolved.");
    assertThat(pi).hasPassed("IntermediateThrowEvent_RequestVettingReview");
    assertThat(jdbc.queryForObject("select reason from complaint_vetting_request where service_number = ?", String.class, officer))
        .contains("3 complaints");
  }

  @Test
  @Order(11)
  void unknownOfficerIsAllowedAndNeverTriggersAVettingReview() {
    Map<String, Object> values = ComplaintFixtures.intake("sexual-violence", "critical");
    values.remove("subjectServiceNumber");
    values.remove("piiSubjectName");
    ProcessInstance pi = start(values);
    acceptTriage(pi);
    findings(pi, "sustained");
    complete(pi, "UserTask_CommitteeReview", "committeeDecision", "confirm", "committeeReasons", "Referral confirmed.");
    assertThat(pi).hasPassed("Gateway_PatternThreshold").hasNotPassed("IntermediateThrowEvent_RequestVettingReview");
  }

  @Test
  @Order(100)
  void flowNodeCoverageOfComplaintHandlingIsAtLeast90Percent() throws Exception {
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
    Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = new TreeSet<>();
    for (String instance : instances) {
      for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list()) {
        covered.add(a.getActivityId());
      }
    }
    covered.retainAll(nodes);
    Set<String> missed = new TreeSet<>(nodes);
    missed.removeAll(covered);
    double coverage = 100.0 * covered.size() / nodes.size();
    Path report = Path.of("target", "process-test-coverage", "complaint-handling.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        String.format("complaint-handling flow-node coverage: %.1f%% (%d of %d)%nnot covered: %s%n", coverage, covered.size(), nodes.size(), missed));
    assertThat(coverage).as("flow-node coverage; not covered: " + missed).isGreaterThanOrEqualTo(90.0);
  }


  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
