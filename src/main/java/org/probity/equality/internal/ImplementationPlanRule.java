package org.probity.equality.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/** Each milestone has a title and a due date (ISO yyyy-mm-dd) that is not in the past. */
@Component
class ImplementationPlanRule implements SubmissionRule {

  static final int MILESTONE_SLOTS = 3;

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return EqualityProcess.KEY.equals(processDefinitionKey) && EqualityProcess.PLAN_IMPLEMENTATION.equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    FormValues v = new FormValues(submission.values());
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC);
    for (int m = 1; m <= MILESTONE_SLOTS; m++) {
      String title = "milestone" + m + "Title";
      String due = "milestone" + m + "Due";
      if (v.has(title) != v.has(due)) {
        errors.put(v.has(title) ? due : title, "Milestone " + m + ": give both the title and the due date");
      } else if (v.has(due)) {
        try {
          if (dueDate(v.text(due)).isBefore(today)) {
            errors.put(due, "Milestone " + m + ": the due date " + v.text(due) + " is in the past");
          }
        } catch (DateTimeParseException e) {
          errors.put(due, "Milestone " + m + ": the due date must be a date (yyyy-mm-dd)");
        }
      }
    }
    return errors;
  }

  /** form-js sends a date as yyyy-mm-dd; a full timestamp is accepted too. */
  static LocalDate dueDate(String value) {
    return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
  }
}
