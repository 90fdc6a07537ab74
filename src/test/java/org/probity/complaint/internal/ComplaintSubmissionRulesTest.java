package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.complaint.ComplaintProcess;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The business rules complaint-handling adds to its forms, as the shared engine-level validation
 * calls them (a {@link Submission} with the user and the instance's variables).
 */
@ProbityTest
class ComplaintSubmissionRulesTest {

  @Autowired List<SubmissionRule> rules;
  @Autowired IntakeRules intakeRules;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReceiptCodes receipts;

  Map<String, String> check(String activity, String user, Map<String, Object> values, Map<String, Object> process) {
    Map<String, String> errors = new HashMap<>();
    Submission submission = new Submission(ComplaintProcess.KEY, activity, user, List.of("investigators"), values, process);
    rules.stream().filter(r -> r.appliesTo(ComplaintProcess.KEY, activity)).forEach(r -> errors.putAll(r.check(submission)));
    return errors;
  }

  ProcessInstance underInvestigation() {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> values = ComplaintFixtures.intake("excessive-force", "medium");
    values.put("allegation2Type", "threats");
    values.put("allegation2Severity", "low");
    ProcessInstance pi = formService.submitStartForm(definition, values);
    receipts.forget();
    var triage = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
    taskService.complete(triage.getId(), Map.of("route", "internal-investigation"));
    return pi;
  }

  @Test
  void intakeRulesCheckIdentityAllegationsDatesAndGroups() {
    Map<String, Object> anonymousWithName = ComplaintFixtures.intake("threats", "low");
    anonymousWithName.put("complainantMode", "anonymous");
    assertThat(check(Submission.START, null, anonymousWithName, Map.of())).containsKeys("piiComplainantName", "piiComplainantEmail");
    Map<String, Object> openWithoutName = ComplaintFixtures.intake("threats", "low");
    openWithoutName.put("complainantMode", "open");
    openWithoutName.remove("piiComplainantName");
    assertThat(check(Submission.START, null, openWithoutName, Map.of())).containsKey("piiComplainantName");
    Map<String, Object> gaps = ComplaintFixtures.intake("threats", "low");
    gaps.put("allegation3Type", "other");
    gaps.put("allegation3Severity", "low");
    gaps.put("allegation2Severity", "low");
    gaps.put("incidentDate", LocalDate.now().plusDays(5).toString());
    gaps.put("piiComplainantGender", "wizard");
    assertThat(check(Submission.START, null, gaps, Map.of()))
        .containsKeys("allegation2Type", "incidentDate", "piiComplainantGender");
    assertThat(check(Submission.START, null, ComplaintFixtures.intake("threats", "low"), Map.of())).isEmpty();
  }

  @Test
  void triageOverrideNeedsAReason() {
    Map<String, Object> process = Map.of("recommendedRoute", "local-resolution");
    assertThat(check("UserTask_TriageComplaint", "investigator", Map.of("route", "internal-investigation"), process)).containsKey("routeOverrideReason");
    assertThat(check("UserTask_TriageComplaint", "investigator", Map.of("route", "internal-investigation", "routeOverrideReason", "Pattern."), process)).isEmpty();
    assertThat(check("UserTask_TriageComplaint", "investigator", Map.of("route", "local-resolution"), process)).isEmpty();
  }

  @Test
  void investigationNeedsOneFindingPerAllegationAndAnEligibleInvestigator() {
    ProcessInstance pi = underInvestigation();
    Map<String, Object> process = runtimeService.getVariables(pi.getId());
    String assigned = (String) process.get("investigator");
    Map<String, Object> oneFinding = Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "CCTV.");
    assertThat(check("UserTask_InvestigateComplaint", assigned, oneFinding, process)).containsKeys("finding2", "finding2Reason");
    Map<String, Object> three =
        Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "CCTV.", "finding2", "unfounded", "finding2Reason", "No.",
            "finding3", "unfounded");
    assertThat(check("UserTask_InvestigateComplaint", assigned, three, process)).containsKey("finding3");
    Map<String, Object> two =
        Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "CCTV.", "finding2", "unfounded", "finding2Reason", "No.");
    assertThat(check("UserTask_InvestigateComplaint", assigned, two, process)).isEmpty();
    // someone else completing: fine only if eligible; an administrator with no investigator role is not
    assertThat(check("UserTask_InvestigateComplaint", "admin", two, process)).containsKey("investigationAction");
    Map<String, Object> extension = Map.of("investigationAction", "extension", "extensionUntil", LocalDate.now().plusDays(1).toString());
    assertThat(check("UserTask_InvestigateComplaint", assigned, extension, process)).containsKeys("extensionReason", "extensionUntil");
    assertThat(check("UserTask_InvestigateComplaint", assigned, Map.of("investigationAction", "conflict"), process)).containsKey("conflictReason");
  }

  @Test
  void anInvestigatorFromTheOfficersUnitMayNotCompleteNorBeChosen() {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> values = ComplaintFixtures.intake("excessive-force", "medium");
    values.put("subjectUnit", "Northern Police District");
    ProcessInstance pi = formService.submitStartForm(definition, values);
    receipts.forget();
    Map<String, Object> process = runtimeService.getVariables(pi.getId());
    Map<String, Object> findings = Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "CCTV.");
    assertThat(check("UserTask_InvestigateComplaint", "investigator2", findings, process).get("investigationAction")).contains("officer's unit");
    assertThat(check("UserTask_ChooseInvestigator", "chair", Map.of("chosenInvestigator", "investigator2"), process)).containsKey("chosenInvestigator");
    assertThat(check("UserTask_ChooseInvestigator", "chair", Map.of("chosenInvestigator", "investigator"), process)).isEmpty();
  }

  @Test
  void theFirstInvestigatorMayNotReviewTheAppeal() {
    ProcessInstance pi = underInvestigation();
    Map<String, Object> process = runtimeService.getVariables(pi.getId());
    String first = (String) process.get("investigator");
    String other = first.equals("investigator") ? "investigator2" : "investigator";
    Map<String, Object> decision = Map.of("appealDecision", "dismissed", "appealReasons", "None.");
    assertThat(check("UserTask_ReviewAppeal", first, decision, process)).containsKey("appealDecision");
    assertThat(check("UserTask_ReviewAppeal", other, decision, process)).isEmpty();
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
