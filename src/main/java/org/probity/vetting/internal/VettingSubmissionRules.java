package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.personnel.PersonnelRecord;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.ServiceNumber;
import org.probity.personnel.VettingStatus;
import org.springframework.stereotype.Component;

/**
 * The business rules of {@code personnel-vetting} forms, beyond their schemas. They run inside the
 * engine for every door (Probity's pages and {@code /api}, {@code /engine-rest}, Tasklist, the Java
 * API), so the four-eyes rule is enforced, not just advised: whoever completed an integrity
 * assessment of the case may not complete its panel decision, and neither an assessor nor a panel
 * decider may review its appeal. The system itself (no authenticated user) is not a person and is
 * not refused.
 */
@Component
class VettingSubmissionRules implements SubmissionRule {

  static final String FOUR_EYES_DECISION =
      "may not be decided by an officer who made the integrity assessment of this case (four eyes)";
  static final String FOUR_EYES_APPEAL =
      "may not be reviewed by an officer who made the assessment or the panel decision of this case (four eyes)";
  /** A conditional clearance is reviewed between 3 months and 10 years after the decision. */
  static final int REVIEW_MIN_DAYS = 90;
  static final int REVIEW_MAX_YEARS = 10;

  private final PersonnelRegistry registry;

  VettingSubmissionRules(PersonnelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, String> errors = new LinkedHashMap<>();
    switch (submission.activityId()) {
      case Submission.START -> checkStart(submission, errors);
      case "UserTask_AssessIntegrity" -> {
        if ("yes".equals(value(submission, ADVERSE_INFORMATION)) && blank(value(submission, ADVERSE_SUMMARY))) {
          errors.put(ADVERSE_SUMMARY, "is required when there is adverse information");
        }
      }
      case "UserTask_RecordHearing" -> {
        LocalDate hearing = date(submission, HEARING_DATE, errors);
        if (hearing != null && hearing.isAfter(today())) {
          errors.put(HEARING_DATE, "must not be in the future");
        }
      }
      case "UserTask_DecideVetting" -> {
        if (isOneOf(submission.userId(), submission.processVariables().get(ASSESSORS))) {
          errors.put(PANEL_DECISION, FOUR_EYES_DECISION);
        }
        checkOutcome(submission, PANEL_DECISION, CONDITIONS, REVIEW_DATE, errors);
      }
      case "UserTask_ReviewAppeal" -> {
        if (isOneOf(submission.userId(), submission.processVariables().get(ASSESSORS))
            || isOneOf(submission.userId(), submission.processVariables().get(PANEL_DECIDERS))) {
          errors.put(APPEAL_DECISION, FOUR_EYES_APPEAL);
        }
        checkAppeal(submission, errors);
      }
      default -> {}
    }
    return errors;
  }

  private void checkStart(Submission submission, Map<String, String> errors) {
    Object raw = submission.values().get(SERVICE_NUMBER);
    if (!(raw instanceof String serviceNumber) || !ServiceNumber.isValid(serviceNumber)) {
      return; // the form's schema answers for a missing or malformed number
    }
    Optional<PersonnelRecord> person = registry.find(serviceNumber);
    if (person.isEmpty()) {
      errors.put(SERVICE_NUMBER, "is not registered in the personnel registry");
    } else if (person.get().vettingStatus() == VettingStatus.IN_PROGRESS) {
      errors.put(SERVICE_NUMBER, "already has a vetting in progress");
    }
  }

  private static void checkAppeal(Submission submission, Map<String, String> errors) {
    Object decision = value(submission, APPEAL_DECISION);
    if ("overturn".equals(decision)) {
      Object outcome = value(submission, APPEAL_OUTCOME);
      if (blank(outcome)) {
        errors.put(APPEAL_OUTCOME, "is required to overturn the decision");
        return;
      }
      if (outcome.equals(submission.processVariables().get(PANEL_DECISION))) {
        errors.put(APPEAL_OUTCOME, "must differ from the panel's decision (or confirm it)");
        return;
      }
      checkOutcome(submission, APPEAL_OUTCOME, APPEAL_CONDITIONS, APPEAL_REVIEW_DATE, errors);
    } else if (decision != null) {
      for (String field : new String[] {APPEAL_OUTCOME, APPEAL_CONDITIONS, APPEAL_REVIEW_DATE}) {
        if (!blank(submission.values().get(field))) {
          errors.put(field, "is only for an overturned decision");
        }
      }
    }
  }

  /** Conditions and a review date for a conditional clearance; no conditions otherwise; no review date when not cleared. */
  private static void checkOutcome(
      Submission submission, String outcomeField, String conditionsField, String reviewDateField, Map<String, String> errors) {
    Object outcome = value(submission, outcomeField);
    boolean conditional = "conditionally-cleared".equals(outcome);
    LocalDate reviewDate = date(submission, reviewDateField, errors);
    if (conditional) {
      if (blank(value(submission, conditionsField))) {
        errors.put(conditionsField, "are required for a conditional clearance");
      }
      if (reviewDate == null && !errors.containsKey(reviewDateField)) {
        errors.put(reviewDateField, "is required for a conditional clearance");
      }
    } else if (outcome != null && !blank(value(submission, conditionsField))) {
      errors.put(conditionsField, "are only for a conditional clearance");
    }
    if ("not-cleared".equals(outcome) && reviewDate != null) {
      errors.put(reviewDateField, "is not allowed when not cleared");
    } else if (reviewDate != null) {
      if (reviewDate.isBefore(today().plusDays(REVIEW_MIN_DAYS))) {
        errors.put(reviewDateField, "must be at least " + REVIEW_MIN_DAYS + " days ahead");
      } else if (reviewDate.isAfter(today().plusYears(REVIEW_MAX_YEARS))) {
        errors.put(reviewDateField, "must be within " + REVIEW_MAX_YEARS + " years");
      }
    }
  }

  /** The submitted value, or the one the case already holds when the field was not submitted. */
  private static Object value(Submission submission, String field) {
    return submission.values().containsKey(field) ? submission.values().get(field) : submission.processVariables().get(field);
  }

  private static LocalDate date(Submission submission, String field, Map<String, String> errors) {
    try {
      return VettingVariables.date(value(submission, field));
    } catch (DateTimeParseException e) {
      errors.putIfAbsent(field, "must be a date in the format YYYY-MM-DD");
      return null;
    }
  }

  private static boolean isOneOf(String userId, Object users) {
    return userId != null && VettingVariables.users(users).contains(userId);
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
