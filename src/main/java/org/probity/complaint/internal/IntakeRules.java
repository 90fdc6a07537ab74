package org.probity.complaint.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.complaint.ComplaintProcess;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * Intake's rules beyond the form's schema: an anonymous complainant gives no identity, a
 * confidential or open one gives a name; each allegation has a type and a severity, in order
 * (allegation 3 needs allegation 2); the incident is not in the future; a self-identified group
 * comes from the configured list when one is configured.
 */
@Component
class IntakeRules implements SubmissionRule {

  static final FormSchema INTAKE_FORM = FormSchema.load("complaint-intake");
  static final Map<String, String> GROUP_FIELDS =
      Map.of(
          "piiComplainantEthnicity", "ethnicity",
          "piiComplainantReligion", "religion",
          "piiComplainantRegion", "region",
          "piiComplainantGender", "gender");

  private final ComplaintProperties properties;

  IntakeRules(ComplaintProperties properties) {
    this.properties = properties;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return ComplaintProcess.KEY.equals(processDefinitionKey) && Submission.START.equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    return check(submission.values());
  }

  /** The form's schema and these rules together: what the portal and the staff API check first. */
  Map<String, String> checkAll(Map<String, ?> values, Set<String> notAllowed) {
    Map<String, String> errors = INTAKE_FORM.check(values, notAllowed);
    check(values).forEach(errors::putIfAbsent);
    return errors;
  }

  Map<String, String> check(Map<String, ?> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    String mode = text(values, "complainantMode");
    if ("anonymous".equals(mode)) {
      for (String key : List.of("piiComplainantName", "piiComplainantEmail", "piiComplainantPhone")) {
        if (text(values, key) != null) {
          errors.put(key, "must be empty for an anonymous complaint");
        }
      }
    } else if (("confidential".equals(mode) || "open".equals(mode)) && text(values, "piiComplainantName") == null) {
      errors.put("piiComplainantName", "is required unless the complaint is anonymous");
    }
    for (int i = 1; i <= 3; i++) {
      String type = text(values, "allegation" + i + "Type");
      String severity = text(values, "allegation" + i + "Severity");
      if (type != null && severity == null) {
        errors.put("allegation" + i + "Severity", "is required when the allegation is given");
      }
      if (type == null && severity != null) {
        errors.put("allegation" + i + "Type", "is required when a severity is given");
      }
    }
    if (text(values, "allegation3Type") != null && text(values, "allegation2Type") == null) {
      errors.put("allegation2Type", "is required before allegation 3");
    }
    String date = text(values, "incidentDate");
    if (date != null) {
      try {
        if (LocalDate.parse(date).isAfter(LocalDate.now().plusDays(1))) {
          errors.put("incidentDate", "must not be in the future");
        }
      } catch (DateTimeParseException e) {
        errors.putIfAbsent("incidentDate", "must be a date (YYYY-MM-DD)");
      }
    }
    GROUP_FIELDS.forEach(
        (key, dimension) -> {
          String value = text(values, key);
          List<String> allowed = properties.groupValues(dimension);
          if (value != null && !allowed.isEmpty() && !allowed.contains(value)) {
            errors.put(key, "must be one of " + String.join(", ", allowed));
          }
        });
    return errors;
  }

  static String text(Map<String, ?> values, String key) {
    Object value = values.get(key);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
