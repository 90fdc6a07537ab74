package org.probity.complaint.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records each user task's decision on the case when it is completed (through any door: pages,
 * /api, /engine-rest, Tasklist) and keeps the case's status in step when a task is created.
 */
@Component
class ComplaintTaskListener implements TaskListener {

  private static final Map<String, String> STATUS_ON_CREATE =
      Map.of(
          "UserTask_TriageComplaint", "triage",
          "UserTask_ResolveLocally", "local-resolution",
          "UserTask_ChooseInvestigator", "awaiting-assignment",
          "UserTask_InvestigateComplaint", "under-investigation",
          "UserTask_CommitteeReview", "committee-review",
          "UserTask_ReviewAppeal", "appeal-review");

  private final ComplaintService complaints;

  ComplaintTaskListener(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a task being created has no variables of its own: reading or setting through the task
      // would make the engine select them (one query per new task); the execution holds them
      DelegateExecution execution = task.getExecution();
      String status = STATUS_ON_CREATE.get(task.getTaskDefinitionKey());
      if (status != null) {
        complaints.setStatus(ProcessVariables.reference(execution), status);
      }
      if ("UserTask_TriageComplaint".equals(task.getTaskDefinitionKey())) {
        // the form opens on the recommended route
        execution.setVariable("route", execution.getVariable("recommendedRoute"));
      }
      return;
    }
    String reference = ProcessVariables.reference(task);
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String user = TaskUser.current(task);
    switch (task.getTaskDefinitionKey()) {
      case "UserTask_TriageComplaint" ->
          complaints.recordTriage(
              reference, (String) task.getVariable("recommendedRoute"), ProcessVariables.text(task, "route"),
              ProcessVariables.text(task, "routeOverrideReason"), user);
      case "UserTask_ResolveLocally" -> {
        String outcome = ProcessVariables.text(task, "localResolutionOutcome");
        complaints.recordDecision(reference, "local-resolution", outcome, ProcessVariables.text(task, "localResolutionNotes"), user);
        task.setVariable("needsCommitteeReview", complaints.needsCommitteeReview(reference));
      }
      case "UserTask_ChooseInvestigator" ->
          complaints.recordDecision(
              reference, "investigator-choice", ProcessVariables.text(task, "chosenInvestigator"), ProcessVariables.text(task, "assignmentNote"), user);
      case "UserTask_InvestigateComplaint" -> investigation(task, reference, user);
      case "UserTask_CommitteeReview" -> {
        String decision = ProcessVariables.text(task, "committeeDecision");
        complaints.recordDecision(reference, "committee-review", decision, ProcessVariables.text(task, "committeeReasons"), user);
        if ("further-investigation".equals(decision)) {
          task.setVariable("investigationDueDate", Date.from(complaints.renewInvestigationDue(reference)));
        }
      }
      case "UserTask_ReviewAppeal" -> {
        String decision = ProcessVariables.text(task, "appealDecision");
        complaints.recordDecision(reference, "appeal-review", decision, ProcessVariables.text(task, "appealReasons"), user);
        task.setVariable("appealUpheld", "upheld".equals(decision));
      }
      case "UserTask_ReviewOverdueAcknowledgement" ->
          complaints.recordDecision(reference, "overdue-acknowledgement", "reviewed", ProcessVariables.text(task, "overdueAcknowledgementNote"), user);
      case "UserTask_EscalateOverdueInvestigation" ->
          complaints.recordDecision(reference, "overdue-investigation", "escalated", ProcessVariables.text(task, "overdueInvestigationNote"), user);
      default -> {
        // acknowledgement: the service task after it records and sends
      }
    }
  }

  private void investigation(DelegateTask task, String reference, String user) {
    String action = ProcessVariables.text(task, "investigationAction");
    String investigator = user != null ? user : (String) task.getVariable("investigator");
    if ("conflict".equals(action)) {
      complaints.recordConflict(reference, investigator, ProcessVariables.text(task, "conflictReason"));
    } else if ("findings".equals(action)) {
      Map<Integer, String[]> findings = new LinkedHashMap<>();
      for (int i = 1; i <= complaints.allegationCount(reference); i++) {
        findings.put(i, new String[] {ProcessVariables.text(task, "finding" + i), ProcessVariables.text(task, "finding" + i + "Reason")});
      }
      complaints.recordFindings(reference, findings, investigator);
      task.setVariable("needsCommitteeReview", complaints.needsCommitteeReview(reference));
    }
  }
}
