package org.probity.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.FormSubmissionRefused;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelStatus;
import org.probity.personnel.PersonnelTesting;
import org.probity.personnel.VettingDecision;
import org.probity.personnel.VettingOutcome;
import org.probity.personnel.VettingStatus;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code personnel-vetting}, driven through the Java API as the system (the four-eyes
 * rule, which concerns people, has its own test), timers fired explicitly. After the class, the
 * flow-node coverage of the process over the instances started here is written to
 * {@code target/process-test-coverage/personnel-vetting.txt} and must be at least 90%.
 */
@ProbityTest
class PersonnelVettingProcessTest {

  static final String KEY = "personnel-vetting";
  static Date classStarted;
  static HistoryService historyForCoverage;
  static RepositoryService repositoryForCoverage;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired PersonnelRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void markStart() {
    classStarted = new Date(System.currentTimeMillis() - 1000);
  }

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    historyForCoverage = history;
    repositoryForCoverage = repository;
  }

  // ---------------------------------------------------------------- paths

  @Test
  void noAdverseInformationGoesStraightToThePanelAndAClearanceReachesTheRegistry() {
    String sn = person();
    ProcessInstance pi = start(sn, "recruitment");
    assertThat(pi.getBusinessKey()).matches("VET-\\d{4}-\\d{6}");
    assertThat(runtime.getVariable(pi.getId(), "caseReference")).isEqualTo(pi.getBusinessKey());
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.IN_PROGRESS);
    assertThat(pi).isWaitingAt("UserTask_RecordDeclarations");

    declarations(pi, true);
    assertThat(tasks(pi, "UserTask_RecordInstitutionReply")).hasSize(4);
    assertThat(runtime.getVariable(pi.getId(), "complaintRecordsAvailable")).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "complaintRecords")).isEqualTo("no complaints");
    repliesFromEveryInstitution(pi);
    assertThat(pi).isWaitingAt("UserTask_AssessIntegrity");
    assertThat((String) runtime.getVariable(pi.getId(), "recordsRequestsSummary"))
        .contains("courts: no-records: Nothing on file")
        .contains("internal-affairs: no-records");

    complete(pi, "UserTask_AssessIntegrity", assessment("no"));
    assertThat(pi).isWaitingAt("UserTask_DecideVetting").hasNotPassed("ServiceTask_SendAdverseNotice");
    complete(pi, "UserTask_DecideVetting", decision("cleared"));
    assertThat(pi).isWaitingAt("UserTask_RecordAppeal");
    assertThat(notices(pi)).contains("decision");

    fire(pi, "BoundaryEvent_AppealWindowClosed");
    assertThat(pi).isEnded().hasPassed("ServiceTask_UpdateRegistry", "EndEvent_VettingConcluded");
    var person = registry.find(sn).orElseThrow();
    assertThat(person.vettingStatus()).isEqualTo(VettingStatus.CLEARED);
    assertThat(person.vettingHistory()).singleElement().satisfies(e -> {
      assertThat(e.caseReference()).isEqualTo(pi.getBusinessKey());
      assertThat(e.outcome()).isEqualTo(VettingOutcome.CLEARED);
    });
    assertThat(jdbc.queryForObject("select status from vetting_case where reference = ?", String.class, pi.getBusinessKey()))
        .isEqualTo("CONCLUDED");
    assertThat(jdbc.queryForList("select result from vetting_records_request where case_reference = ?", String.class, pi.getBusinessKey()))
        .containsOnly("no-records")
        .hasSize(4);
  }

  @Test
  void incompleteDeclarationsAreReturnedWithADeadlineAndResubmitted() {
    ProcessInstance pi = start(person(), "promotion");
    declarations(pi, false);
    assertThat(pi).isWaitingAt("UserTask_DeclarationsResubmitted");
    assertThat(runtime.getVariable(pi.getId(), "missingDeclarations")).isEqualTo("educationDeclared");
    assertThat(notices(pi)).contains("declarations-returned");
    assertThat(jdbc.queryForObject(
            "select count(*) from vetting_notice where case_reference = ? and kind = 'declarations-returned' and respond_by > sent_at",
            Integer.class,
            pi.getBusinessKey()))
        .isEqualTo(1);

    complete(pi, "UserTask_DeclarationsResubmitted", Map.of("educationDeclared", true));
    assertThat(tasks(pi, "UserTask_RecordInstitutionReply")).hasSize(4);
    assertThat(runtime.getVariable(pi.getId(), "declarationsComplete")).isEqualTo(true);
  }

  @Test
  void aMissedResubmissionDeadlineIsDecidedOnTheFile() {
    ProcessInstance pi = start(person(), "periodic-revetting");
    declarations(pi, false);
    fire(pi, "BoundaryEvent_ResubmissionDeadlineMissed");
    assertThat(pi).hasPassed("ServiceTask_ProceedOnFile");
    assertThat(runtime.getVariable(pi.getId(), "decidedOnTheFile")).isEqualTo(true);
    assertThat(tasks(pi, "UserTask_RecordInstitutionReply")).hasSize(4);
    assertThat(notices(pi)).contains("declarations-deadline-missed");
  }

  @Test
  void recordsRequestsAreRemindedAndRecordedAsNoAnswerAtTheirDeadline() {
    ProcessInstance pi = start(person(), "recruitment");
    declarations(pi, true);
    for (Job reminder : jobs(pi, "BoundaryEvent_RecordsReminderDue")) {
      management.executeJob(reminder.getId());
    }
    assertThat(tasks(pi, "UserTask_RecordInstitutionReply")).hasSize(4); // the reminder does not close the request
    assertThat(jdbc.queryForObject(
            "select count(*) from vetting_records_request where case_reference = ? and reminded_at is not null",
            Integer.class,
            pi.getBusinessKey()))
        .isEqualTo(4);

    List<Task> replies = tasks(pi, "UserTask_RecordInstitutionReply");
    tasks.complete(replies.get(0).getId(), Map.of("recordsFound", "records-found", "replyReference", "CRT-77", "replySummary", "One conviction"));
    for (Job deadline : jobs(pi, "BoundaryEvent_RecordsDeadlinePassed")) {
      management.executeJob(deadline.getId());
    }
    assertThat(pi).isWaitingAt("UserTask_AssessIntegrity").hasPassed("ServiceTask_RecordNoAnswer", "ServiceTask_SendRecordsReminder");
    Map<String, Long> results =
        jdbc.queryForList("select result from vetting_records_request where case_reference = ?", String.class, pi.getBusinessKey())
            .stream()
            .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    assertThat(results).containsEntry("records-found", 1L).containsEntry("no-answer", 3L);
    assertThat((String) runtime.getVariable(pi.getId(), "recordsRequestsSummary"))
        .contains("(CRT-77), reminded: One conviction")
        .contains("no-answer, reminded");
    // each institution's reply stayed in its own sub-process instance
    assertThat(runtime.getVariable(pi.getId(), "recordsFound")).isNull();
  }

  @Test
  void adverseInformationWithAHearingThenNotCleared() {
    String sn = person();
    ProcessInstance pi = toAssessment(sn);
    complete(pi, "UserTask_AssessIntegrity", assessment("yes"));
    assertThat(pi).isWaitingAt("UserTask_RecordWrittenResponse");
    assertThat(notices(pi)).contains("adverse-information");

    complete(pi, "UserTask_RecordWrittenResponse", Map.of("responseSummary", "Denies the allegation", "hearingRequested", "yes"));
    assertThat(pi).isWaitingAt("UserTask_RecordHearing");
    complete(
        pi,
        "UserTask_RecordHearing",
        Map.of("hearingDate", LocalDate.now().toString(), "panelPresent", "panel1, panel2, panel3", "hearingSummary", "Heard in person"));
    assertThat(pi).isWaitingAt("UserTask_DecideVetting");
    complete(pi, "UserTask_DecideVetting", decision("not-cleared"));
    fire(pi, "BoundaryEvent_AppealWindowClosed");
    assertThat(pi).isEnded();
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.NOT_CLEARED);
  }

  @Test
  void adverseInformationWithoutAHearingThenConditionallyCleared() {
    String sn = person();
    ProcessInstance pi = toAssessment(sn);
    complete(pi, "UserTask_AssessIntegrity", assessment("yes"));
    complete(pi, "UserTask_RecordWrittenResponse", Map.of("responseSummary", "Explains the assets", "hearingRequested", "no"));
    assertThat(pi).isWaitingAt("UserTask_DecideVetting").hasNotPassed("UserTask_RecordHearing");
    complete(pi, "UserTask_DecideVetting", decision("conditionally-cleared"));
    fire(pi, "BoundaryEvent_AppealWindowClosed");
    var person = registry.find(sn).orElseThrow();
    assertThat(person.vettingStatus()).isEqualTo(VettingStatus.CONDITIONALLY_CLEARED);
    assertThat(person.nextReviewDate()).isEqualTo(LocalDate.now().plusYears(1));
    assertThat(person.vettingHistory().get(0).conditions()).isEqualTo("Annual asset declaration");
  }

  @Test
  void noWrittenResponseWithinTheWindowGoesToThePanel() {
    ProcessInstance pi = toAssessment(person());
    complete(pi, "UserTask_AssessIntegrity", assessment("yes"));
    fire(pi, "BoundaryEvent_ResponseWindowClosed");
    assertThat(pi).isWaitingAt("UserTask_DecideVetting").hasPassed("ServiceTask_RecordNoResponse");
    assertThat(runtime.getVariable(pi.getId(), "writtenResponseReceived")).isEqualTo(false);
  }

  @Test
  void anAppealConfirmsTheDecision() {
    String sn = person();
    ProcessInstance pi = toDecision(sn, "not-cleared");
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "The records reply was about someone else"));
    complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "confirm", "appealReasons", "The identity was verified"));
    assertThat(pi).isEnded().hasPassed("Gateway_AppealDecision").hasNotPassed("ServiceTask_ApplyOverturnedDecision", "ServiceTask_ReopenAssessment");
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.NOT_CLEARED);
  }

  @Test
  void anAppealOverturnsTheDecision() {
    String sn = person();
    ProcessInstance pi = toDecision(sn, "not-cleared");
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "The records reply was about someone else"));
    complete(
        pi,
        "UserTask_ReviewAppeal",
        Map.of("appealDecision", "overturn", "appealReasons", "Mistaken identity", "appealOutcome", "cleared"));
    assertThat(pi).isEnded().hasPassed("ServiceTask_ApplyOverturnedDecision");
    var person = registry.find(sn).orElseThrow();
    assertThat(person.vettingStatus()).isEqualTo(VettingStatus.CLEARED);
    assertThat(person.vettingHistory()).hasSize(1);
  }

  @Test
  void anAppealRemandsForReAssessmentAndTheCaseRunsAgainFromTheAssessment() {
    String sn = person();
    ProcessInstance pi = toDecision(sn, "not-cleared");
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "New evidence on the assets"));
    complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "remand", "appealReasons", "Assess the new evidence"));
    assertThat(pi).isWaitingAt("UserTask_AssessIntegrity").hasPassed("ServiceTask_ReopenAssessment");
    assertThat(runtime.getVariable(pi.getId(), "remands")).isEqualTo(1);
    assertThat(runtime.getVariable(pi.getId(), "conductFinding")).isNull();
    assertThat(runtime.getVariable(pi.getId(), "panelDecision")).isNull();
    // the new round needs its own answers: nothing of the first round satisfies a required field
    assertThatThrownBy(() -> complete(pi, "UserTask_AssessIntegrity", Map.of()))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsKey("adverseInformation"));

    complete(pi, "UserTask_AssessIntegrity", assessment("no"));
    complete(pi, "UserTask_DecideVetting", decision("cleared"));
    fire(pi, "BoundaryEvent_AppealWindowClosed");
    assertThat(pi).isEnded();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("UserTask_AssessIntegrity").count())
        .isEqualTo(2);
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.CLEARED);
  }

  @Test
  void aComplaintPatternMessageStartsAVettingWithTheComplaintRecordsAttached() {
    String sn = person();
    TestComplaintRecords.RECORDS.put(
        sn,
        List.of(
            new ComplaintRecordSummary("CMP-2026-000001", LocalDate.of(2026, 2, 1), List.of("excessive-force"), List.of("sustained"), true),
            new ComplaintRecordSummary("CMP-2026-000002", LocalDate.of(2026, 5, 3), List.of("unlawful-detention"), List.of(), true)));
    ProcessInstance pi =
        runtime
            .createMessageCorrelation("VettingReviewRequested")
            .setVariable("serviceNumber", sn)
            .setVariable("complaintReferences", "CMP-2026-000001, cmp-2026-000002,<b>x</b>")
            .setVariable("reason", "complaint-pattern")
            .correlateStartMessage();
    assertThat(pi).hasPassed("StartEvent_ReviewRequestedByComplaint").isWaitingAt("UserTask_RecordDeclarations");
    assertThat(runtime.getVariable(pi.getId(), "reason")).isEqualTo("complaint-pattern");
    assertThat(jdbc.queryForObject("select complaint_references from vetting_case where reference = ?", String.class, pi.getBusinessKey()))
        .isEqualTo("CMP-2026-000001, CMP-2026-000002");
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.IN_PROGRESS);

    declarations(pi, true);
    assertThat(runtime.getVariable(pi.getId(), "complaintRecordCount")).isEqualTo(2);
    assertThat(runtime.getVariable(pi.getId(), "complaintPatternFlag")).isEqualTo(true);
    assertThat((String) runtime.getVariable(pi.getId(), "complaintRecords"))
        .contains("CMP-2026-000001 (2026-02-01): excessive-force; findings: sustained; pattern")
        .contains("CMP-2026-000002");
  }

  @Test
  void aMessageForAnUnknownPersonOrARunningVettingIsRecordedWithoutFailingTheSender() {
    ProcessInstance unknown =
        runtime
            .createMessageCorrelation("VettingReviewRequested")
            .setVariable("serviceNumber", "TEST-1")
            .setVariable("complaintReferences", "CMP-2026-000009")
            .setVariable("reason", "complaint-pattern")
            .correlateStartMessage();
    assertThat(unknown).isEnded().hasPassed("EndEvent_CaseNotOpened");
    assertThat(jdbc.queryForObject("select status from vetting_case where reference = ?", String.class, unknown.getBusinessKey()))
        .isEqualTo("NOT_OPENED");

    String sn = person();
    start(sn, "recruitment");
    ProcessInstance second =
        runtime
            .createMessageCorrelation("VettingReviewRequested")
            .setVariable("serviceNumber", sn)
            .setVariable("complaintReferences", "CMP-2026-000010")
            .correlateStartMessage();
    assertThat(second).isEnded().hasPassed("EndEvent_CaseNotOpened");
    assertThat(jdbc.queryForObject("select status_note from vetting_case where reference = ?", String.class, second.getBusinessKey()))
        .isEqualTo("a vetting of this person is already in progress");
  }

  @Test
  void theStartFormRefusesAPersonNotRegisteredOrAlreadyUnderVetting() {
    assertThatThrownBy(() -> start("TEST-404404404", "recruitment"))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class,
            e -> assertThat(e.fieldErrors()).containsEntry("serviceNumber", "is not registered in the personnel registry"));
    String sn = person();
    start(sn, "recruitment");
    assertThatThrownBy(() -> start(sn, "promotion"))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("serviceNumber", "already has a vetting in progress"));
    assertThatThrownBy(() -> start(person(), "curiosity"))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
  }

  @Test
  void decisionsFollowTheirRules() {
    ProcessInstance pi = toAssessment(person());
    Map<String, Object> adverseWithoutSummary = new HashMap<>(assessment("no"));
    adverseWithoutSummary.put("adverseInformation", "yes");
    assertThatThrownBy(() -> complete(pi, "UserTask_AssessIntegrity", adverseWithoutSummary))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class,
            e -> assertThat(e.fieldErrors()).containsEntry("adverseSummary", "is required when there is adverse information"));
    complete(pi, "UserTask_AssessIntegrity", assessment("no"));

    assertThatThrownBy(
            () -> complete(pi, "UserTask_DecideVetting", Map.of("panelDecision", "conditionally-cleared", "decisionReasons", "Assets")))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class,
            e -> assertThat(e.fieldErrors())
                .containsEntry("conditions", "are required for a conditional clearance")
                .containsEntry("reviewDate", "is required for a conditional clearance"));
    Map<String, Object> notClearedWithReview = new HashMap<>(decision("not-cleared"));
    notClearedWithReview.put("reviewDate", LocalDate.now().plusYears(1).toString());
    assertThatThrownBy(() -> complete(pi, "UserTask_DecideVetting", notClearedWithReview))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("reviewDate", "is not allowed when not cleared"));
    Map<String, Object> tooSoon = new HashMap<>(decision("conditionally-cleared"));
    tooSoon.put("reviewDate", LocalDate.now().plusDays(5).toString());
    assertThatThrownBy(() -> complete(pi, "UserTask_DecideVetting", tooSoon))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("reviewDate", "must be at least 90 days ahead"));
    Map<String, Object> clearedWithConditions = new HashMap<>(decision("cleared"));
    clearedWithConditions.put("conditions", "Some");
    assertThatThrownBy(() -> complete(pi, "UserTask_DecideVetting", clearedWithConditions))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("conditions", "are only for a conditional clearance"));
    assertThat(pi).isWaitingAt("UserTask_DecideVetting");
    assertThat(runtime.getVariable(pi.getId(), "panelDecision")).isNull();

    complete(pi, "UserTask_DecideVetting", decision("not-cleared"));
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "Unfair"));
    assertThatThrownBy(() -> complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "overturn", "appealReasons", "R")))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("appealOutcome", "is required to overturn the decision"));
    assertThatThrownBy(
            () -> complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "overturn", "appealReasons", "R", "appealOutcome", "not-cleared")))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsKey("appealOutcome"));
    assertThatThrownBy(
            () -> complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "confirm", "appealReasons", "R", "appealOutcome", "cleared")))
        .isInstanceOfSatisfying(
            FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry("appealOutcome", "is only for an overturned decision"));
    assertThat(pi).isWaitingAt("UserTask_ReviewAppeal");
  }

  @Test
  void theDailyCheckStartsReVettingOfConditionalClearancesDueOnce() {
    String sn = person();
    registry.recordVettingOutcome(
        sn,
        new VettingDecision(
            LocalDate.now().minusYears(2), VettingOutcome.CONDITIONALLY_CLEARED, "VET-2024-000001", "Annual asset declaration", LocalDate.now().minusDays(1)),
        "test");
    String notYetDue = person();
    registry.recordVettingOutcome(
        notYetDue,
        new VettingDecision(
            LocalDate.now().minusYears(1), VettingOutcome.CONDITIONALLY_CLEARED, "VET-2025-000001", "Annual asset declaration", LocalDate.now().plusDays(30)),
        "test");

    String suspended = person();
    registry.recordVettingOutcome(
        suspended,
        new VettingDecision(
            LocalDate.now().minusYears(2), VettingOutcome.CONDITIONALLY_CLEARED, "VET-2024-000002", "Annual asset declaration", LocalDate.now().minusDays(3)),
        "test");
    registry.updateStatus(suspended, PersonnelStatus.SUSPENDED, "Under investigation", "test");
    assertThat(registry.serviceNumbersDueForReview(LocalDate.now())).contains(sn).doesNotContain(notYetDue, suspended);

    runSweep();
    List<ProcessInstance> started = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals("serviceNumber", sn).list();
    assertThat(started).singleElement().satisfies(pi -> {
      assertThat(pi).isWaitingAt("UserTask_RecordDeclarations");
      assertThat(runtime.getVariable(pi.getId(), "reason")).isEqualTo("periodic-revetting");
    });
    assertThat(registry.find(sn).orElseThrow().vettingStatus()).isEqualTo(VettingStatus.IN_PROGRESS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals("serviceNumber", notYetDue).count()).isZero();

    runSweep(); // the next day: already in progress, not started again
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals("serviceNumber", sn).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_ReVettingsStarted").count()).isGreaterThanOrEqualTo(2);
  }

  // ---------------------------------------------------------------- coverage

  @AfterAll
  static void flowNodeCoverageIsAtLeastNinetyPercent() throws Exception {
    BpmnModelInstance model =
        repositoryForCoverage.getBpmnModelInstance(
            repositoryForCoverage.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId());
    Set<String> nodes = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
    List<String> instanceIds =
        historyForCoverage.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).startedAfter(classStarted).list().stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    Set<String> covered = new TreeSet<>();
    for (String id : instanceIds) {
      historyForCoverage.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
          .map(HistoricActivityInstance::getActivityId)
          .filter(nodes::contains)
          .forEach(covered::add);
    }
    Set<String> missed = new TreeSet<>(nodes);
    missed.removeAll(covered);
    double coverage = 100.0 * covered.size() / nodes.size();
    Path report = Path.of("target", "process-test-coverage", KEY + ".txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        String.format(
            "personnel-vetting flow-node coverage: %d of %d = %.1f%% over %d instances%nnot covered: %s%n",
            covered.size(), nodes.size(), coverage, instanceIds.size(), missed));
    System.out.println(Files.readString(report));
    assertThat(coverage).as("flow-node coverage; not covered: %s", missed).isGreaterThanOrEqualTo(90.0);
  }

  // ---------------------------------------------------------------- helpers

  String person() {
    String sn = PersonnelTesting.serviceNumber("TEST");
    registry.register(PersonnelTesting.person(sn, "Vetted Person", "Central Police District"), "test");
    return sn;
  }

  ProcessInstance start(String serviceNumber, String reason) {
    return runtime.startProcessInstanceByKey(KEY, Map.of("serviceNumber", serviceNumber, "reason", reason));
  }

  ProcessInstance toAssessment(String sn) {
    ProcessInstance pi = start(sn, "recruitment");
    declarations(pi, true);
    repliesFromEveryInstitution(pi);
    assertThat(pi).isWaitingAt("UserTask_AssessIntegrity");
    return pi;
  }

  ProcessInstance toDecision(String sn, String decision) {
    ProcessInstance pi = toAssessment(sn);
    complete(pi, "UserTask_AssessIntegrity", assessment("no"));
    complete(pi, "UserTask_DecideVetting", decision(decision));
    assertThat(pi).isWaitingAt("UserTask_RecordAppeal");
    return pi;
  }

  void declarations(ProcessInstance pi, boolean complete) {
    complete(
        pi,
        "UserTask_RecordDeclarations",
        Map.of("assetsDeclared", true, "priorServiceDeclared", true, "educationDeclared", complete, "declarationNotes", "File D-1"));
  }

  void repliesFromEveryInstitution(ProcessInstance pi) {
    for (Task reply : tasks(pi, "UserTask_RecordInstitutionReply")) {
      tasks.complete(reply.getId(), Map.of("recordsFound", "no-records", "replySummary", "Nothing on file"));
    }
  }

  static Map<String, Object> assessment(String adverse) {
    Map<String, Object> values = new HashMap<>();
    values.put("conductFinding", "No record of abuse");
    values.put("conductEvidence", "HRC reply; complaint records");
    values.put("financialFinding", "Assets consistent with income");
    values.put("financialEvidence", "Asset declaration D-1");
    values.put("qualificationsFinding", "Diploma verified");
    values.put("qualificationsEvidence", "Education declaration");
    values.put("adverseInformation", adverse);
    if ("yes".equals(adverse)) {
      values.put("adverseSummary", "Unexplained property in the declaration");
    }
    return values;
  }

  static Map<String, Object> decision(String outcome) {
    Map<String, Object> values = new HashMap<>();
    values.put("panelDecision", outcome);
    values.put("decisionReasons", "Reasons for " + outcome);
    if ("conditionally-cleared".equals(outcome)) {
      values.put("conditions", "Annual asset declaration");
      values.put("reviewDate", LocalDate.now().plusYears(1).toString());
    }
    return values;
  }

  List<Task> tasks(ProcessInstance pi, String activityId) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
  }

  void complete(ProcessInstance pi, String activityId, Map<String, Object> values) {
    List<Task> open = tasks(pi, activityId);
    assertThat(open).as("open tasks %s", activityId).hasSize(1);
    tasks.complete(open.get(0).getId(), values);
  }

  List<Job> jobs(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
  }

  void fire(ProcessInstance pi, String activityId) {
    List<Job> due = jobs(pi, activityId);
    assertThat(due).as("timer %s", activityId).hasSize(1);
    management.executeJob(due.get(0).getId());
  }

  void runSweep() {
    Job sweep =
        management.createJobQuery().timers().activityId("StartEvent_ReVettingCheckDue").list().stream()
            .filter(j -> "personnel-re-vetting-schedule".equals(j.getProcessDefinitionKey()))
            .findFirst()
            .orElseThrow();
    management.executeJob(sweep.getId());
  }

  List<String> notices(ProcessInstance pi) {
    return jdbc.queryForList("select kind from vetting_notice where case_reference = ?", String.class, pi.getBusinessKey());
  }
}
