package org.probity.complaint.internal;

import static org.probity.complaint.internal.IntakeRules.text;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * The investigation form: one finding with reasons per allegation (and none for allegations that do
 * not exist); an extension has a reason and a later due date; a conflict has a reason; and
 * whoever completes the task is not from the officer's unit and has declared no conflict.
 */
@Component
class InvestigationRule implements SubmissionRule {

  private final ComplaintService complaints;

  InvestigationRule(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return ComplaintProcess.KEY.equals(processDefinitionKey) && "UserTask_InvestigateComplaint".equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, ?> values = submission.values();
    Map<String, Object> process = submission.processVariables();
    Map<String, String> errors = new LinkedHashMap<>();
    String action = text(values, "investigationAction");
    String reference = (String) process.get("complaintReference");
    if (submission.userId() != null && reference != null && !"conflict".equals(action)) {
      complaints.ineligibility(reference, submission.userId())
          .ifPresent(reason -> errors.put("investigationAction", "you may not complete this investigation: " + submission.userId() + " " + reason));
    }
    int count = process.get("allegationCount") instanceof Number n ? n.intValue() : 3;
    if ("conflict".equals(action) && text(values, "conflictReason") == null) {
      errors.put("conflictReason", "is required to declare a conflict of interest");
    }
    if ("extension".equals(action)) {
      if (text(values, "extensionReason") == null) {
        errors.put("extensionReason", "is required to request an extension");
      }
      String until = text(values, "extensionUntil");
      if (until == null) {
        errors.put("extensionUntil", "is required to request an extension");
      } else {
        try {
          LocalDate date = LocalDate.parse(until);
          LocalDate currentDue =
              process.get("investigationDueDate") instanceof Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.now(ZoneOffset.UTC);
          if (!date.isAfter(currentDue) || !date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            errors.put("extensionUntil", "must be after the current due date " + currentDue);
          }
        } catch (DateTimeParseException e) {
          errors.put("extensionUntil", "must be a date (YYYY-MM-DD)");
        }
      }
    }
    if ("findings".equals(action)) {
      for (int i = 1; i <= 3; i++) {
        boolean exists = i <= count;
        if (exists && text(values, "finding" + i) == null) {
          errors.put("finding" + i, "is required: one finding per allegation");
        }
        if (exists && text(values, "finding" + i + "Reason") == null) {
          errors.put("finding" + i + "Reason", "is required: each finding has its reasons");
        }
        if (!exists && text(values, "finding" + i) != null) {
          errors.put("finding" + i, "must be empty: the complaint has " + count + " allegation(s)");
        }
      }
    }
    return errors;
  }
}
