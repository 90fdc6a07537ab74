package org.probity.oversight.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * The chair's decisions that need fields together: terms of reference of an admissible review
 * (or reasons for an inadmissible one), and the inquiry step (a request needs its subject and a
 * future deadline; a visit or hearing its kind, date not in the future, and summary).
 */
@Component
class TermsAndInquiryRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return "oversight-review".equals(processDefinitionKey)
        && ("UserTask_AssessAdmissibility".equals(activityId) || "UserTask_ConductInquiry".equals(activityId));
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> values = submission.values();
    LocalDate today = OversightReviews.today();
    if ("UserTask_AssessAdmissibility".equals(submission.activityId())) {
      if ("inadmissible".equals(values.get("admissibility"))) {
        requireText(values, errors, "inadmissibilityReasons", "Give the reasons why the review is inadmissible");
      } else if ("admissible".equals(values.get("admissibility"))) {
        requireText(values, errors, "institution", "Name the institution under review");
        requireText(values, errors, "unit", "Name the unit under review");
        requireText(values, errors, "scope", "Set the scope of the review");
        requireText(values, errors, "questions", "Set the questions the review must answer");
        LocalDate deadline = FormValues.date(values.get("reportDeadline"));
        if (deadline == null || !deadline.isAfter(today)) {
          errors.put("reportDeadline", "Set a report deadline after today");
        }
      }
      return errors;
    }
    Object step = values.get("inquiryStep");
    if ("information-request".equals(step)) {
      requireText(values, errors, "requestSubject", "Say what information is requested");
      LocalDate deadline = FormValues.date(values.get("requestDeadline"));
      if (deadline == null || !deadline.isAfter(today)) {
        errors.put("requestDeadline", "Set a deadline after today for the institution");
      }
    } else if ("visit-or-hearing".equals(step)) {
      Object kind = values.get("recordKind");
      if (!"site-visit".equals(kind) && !"hearing".equals(kind)) {
        errors.put("recordKind", "Choose site visit or hearing");
      }
      LocalDate date = FormValues.date(values.get("recordDate"));
      if (date == null || date.isAfter(today)) {
        errors.put("recordDate", "Give the date of the visit or hearing (not in the future)");
      }
      requireText(values, errors, "piiAttendees", "Say who was met or heard");
      requireText(values, errors, "recordSummary", "Summarise the visit or hearing");
    }
    return errors;
  }

  static void requireText(Map<String, Object> values, Map<String, String> errors, String field, String message) {
    if (FormValues.blank(values.get(field))) {
      errors.put(field, message);
    }
  }
}
