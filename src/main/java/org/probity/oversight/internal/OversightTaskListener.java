package org.probity.oversight.internal;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Files each completed task's submission in the review file, then removes the form's values from
 * the process, keeping only what gateways read. Multi-instance tasks (declarations, rulings,
 * findings, votes) write their values to the process scope, so each submission is filed and
 * removed at once: the next member's submission never sees the previous one's values.
 */
@Component("oversightTaskListener")
class OversightTaskListener implements TaskListener {

  private final OversightReviews reviews;

  OversightTaskListener(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = (Long) task.getVariable("reviewId");
    String user = CurrentUser.of(task.getProcessEngineServices());
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      switch (task.getTaskDefinitionKey()) {
        case "UserTask_HandleOverdueRequest" -> reviews.markOverdue((Long) task.getVariable("informationRequestId"));
        // a checkbox left unticked may arrive as no value: start each round from false, never
        // from the previous round's answer
        case "UserTask_AddRecommendation" -> task.setVariable("anotherRecommendation", false);
        case "UserTask_ReviewFollowUp" -> task.setVariable("escalate", false);
        default -> {}
      }
      return;
    }
    switch (task.getTaskDefinitionKey()) {
      case "UserTask_AssessAdmissibility" -> {
        if ("admissible".equals(task.getVariable("admissibility"))) {
          reviews.setTermsOfReference(
              id,
              text(task, "institution"),
              text(task, "unit"),
              text(task, "scope"),
              text(task, "questions"),
              FormValues.date(task.getVariable("reportDeadline")));
          reviews.setStatus(id, "declarations");
        } else {
          reviews.recordStatusReason(id, text(task, "inadmissibilityReasons"));
        }
        remove(task, "scope", "questions", "reportDeadline", "inadmissibilityReasons");
      }
      case "UserTask_DeclareInterests" -> {
        String member = (String) task.getVariable("member");
        reviews.recordDeclaration(id, member, "conflict".equals(task.getVariable("conflictDeclared")), text(task, "declarationDetails"));
        remove(task, "conflictDeclared", "declarationDetails");
      }
      case "UserTask_RuleOnDeclaration" -> {
        String member = (String) task.getVariable("member");
        reviews.recordRuling(id, member, text(task, "ruling"), text(task, "rulingReason"), user);
        remove(task, "ruling", "rulingReason");
      }
      case "UserTask_RecordInstitutionReply" -> {
        reviews.markAnswered((Long) task.getVariable("informationRequestId"), text(task, "replySummary"));
        remove(task, "replySummary");
      }
      case "UserTask_HandleOverdueRequest" -> {
        reviews.recordEscalationNote((Long) task.getVariable("informationRequestId"), text(task, "overdueNote"));
        remove(task, "overdueNote");
      }
      case "UserTask_RecordFindings" -> {
        reviews.recordFinding(id, (String) task.getVariable("participant"), text(task, "findings"));
        reviews.setStatus(id, "findings");
        remove(task, "findings");
      }
      case "UserTask_VoteOnReport" -> {
        reviews.recordVote(id, (Integer) task.getVariable("voteRound"), (String) task.getVariable("participant"), text(task, "vote"));
        remove(task, "vote");
      }
      case "UserTask_AddRecommendation" -> {
        LocalDate deadline = FormValues.date(task.getVariable("recommendationDeadline"));
        reviews.addRecommendation(id, text(task, "recommendationText"), text(task, "addressee"), deadline);
        remove(task, "recommendationText", "addressee", "recommendationDeadline");
        task.setVariable("anotherRecommendation", Boolean.TRUE.equals(task.getVariable("anotherRecommendation")));
      }
      case "UserTask_RecordInstitutionResponse" -> {
        List<Integer> rejected =
            "rejected-some".equals(task.getVariable("institutionResponse"))
                ? FormValues.numbers(task.getVariable("rejectedRecommendations"))
                : List.of();
        for (int number : reviews.openRecommendations(id)) {
          reviews.setRecommendationStatus(id, number, rejected.contains(number) ? "rejected" : "accepted", null);
        }
        reviews.recordResponse(id, text(task, "responseSummary"));
        task.setVariable("anyRejected", !rejected.isEmpty());
        remove(task, "rejectedRecommendations", "responseSummary");
      }
      case "UserTask_DecideSpecialReport" -> {
        reviews.recordSpecialReport(id, text(task, "specialDecision"), text(task, "specialReport"));
        remove(task, "specialReport");
      }
      case "UserTask_ReviewFollowUp" -> {
        String note = text(task, "followUpNotes");
        for (int number : FormValues.numbers(task.getVariable("implementedRecommendations"))) {
          reviews.setRecommendationStatus(id, number, "implemented", note);
        }
        for (int number : FormValues.numbers(task.getVariable("rejectedInFollowUp"))) {
          reviews.setRecommendationStatus(id, number, "rejected", note);
        }
        remove(task, "implementedRecommendations", "rejectedInFollowUp", "followUpNotes");
        task.setVariable("escalate", Boolean.TRUE.equals(task.getVariable("escalate")));
      }
      case "UserTask_ConductInquiry" -> {
        // the next service task reads the chosen step's fields; the other step's fields go now,
        // so that nothing typed there (who was heard is personal data) stays in the process
        Object step = task.getVariable("inquiryStep");
        if (!"information-request".equals(step)) {
          remove(task, "requestSubject", "requestDeadline");
        }
        if (!"visit-or-hearing".equals(step)) {
          remove(task, "recordKind", "recordDate", "piiAttendees", "recordSummary");
        }
      }
      default -> {
        // DraftReport, WriteFinalReport: the next service task reads their values
      }
    }
  }

  private static String text(DelegateTask task, String name) {
    return FormValues.text(task.getVariable(name));
  }

  private static void remove(DelegateTask task, String... names) {
    for (String name : names) {
      task.getExecution().removeVariable(name);
    }
  }
}
