package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.personnel.PersonnelRecord;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.ServiceNumber;
import org.probity.personnel.VettingStatus;
import org.springframework.stereotype.Component;

/**
 * Opens the case, whichever start it came from: checks the person (a start form was already checked
 * by {@link VettingSubmissionRules}; a message or the re-vetting schedule was not), gives the case its
 * reference (also the business key), marks the person's vetting in progress and copies the deadlines.
 * A request that cannot be opened (unknown person, vetting already under way) is recorded with its
 * reason and the instance ends: a complaint's message must never fail the complaint's transaction.
 */
@Component
class OpenVettingCaseDelegate implements JavaDelegate {

  static final Set<String> REASONS = Set.of("recruitment", "promotion", "periodic-revetting", "complaint-pattern");
  private static final int COMPLAINT_REFERENCES_MAX = 2000;

  private final PersonnelRegistry registry;
  private final VettingCases cases;
  private final VettingSchedule schedule;

  OpenVettingCaseDelegate(PersonnelRegistry registry, VettingCases cases, VettingSchedule schedule) {
    this.registry = registry;
    this.cases = cases;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceNumber = ServiceNumber.normalise(text(execution, SERVICE_NUMBER));
    String reason = text(execution, REASON);
    String complaintReferences = complaintReferences(text(execution, COMPLAINT_REFERENCES));
    if (reason == null && complaintReferences != null) {
      reason = "complaint-pattern";
    }
    String actor = actor(execution.getProcessEngineServices());
    Optional<PersonnelRecord> person = ServiceNumber.isValid(serviceNumber) ? registry.find(serviceNumber) : Optional.empty();
    String refusal =
        !ServiceNumber.isValid(serviceNumber)
            ? "the service number is missing or not valid"
            : person.isEmpty()
                ? "no person with this service number is registered"
                : person.get().vettingStatus() == VettingStatus.IN_PROGRESS
                    ? "a vetting of this person is already in progress"
                    : reason == null || !REASONS.contains(reason) ? "the reason is missing or unknown" : null;
    String status = refusal == null ? VettingCases.STATUS_OPEN : VettingCases.STATUS_NOT_OPENED;
    String reference =
        cases.open(serviceNumber, reason, complaintReferences, execution.getProcessInstanceId(), actor, status, refusal);
    execution.setProcessBusinessKey(reference);
    execution.setVariable(CASE_REFERENCE, reference);
    execution.setVariable(SERVICE_NUMBER, serviceNumber);
    execution.setVariable(COMPLAINT_REFERENCES, complaintReferences);
    execution.setVariable(CASE_OPENED, refusal == null);
    if (refusal != null) {
      execution.setVariable(CASE_NOT_OPENED_REASON, refusal);
      return;
    }
    execution.setVariable(REASON, reason);
    registry.markVettingInProgress(serviceNumber, actor);
    execution.setVariables(schedule.deadlines());
  }

  /** Complaint references from the message: upper-cased, de-duplicated, only well-formed ones, bounded. */
  static String complaintReferences(String raw) {
    if (raw == null) {
      return null;
    }
    String joined =
        Arrays.stream(raw.split(","))
            .map(s -> s.strip().toUpperCase(Locale.ROOT))
            .filter(s -> s.matches("[A-Z0-9]+(-[A-Z0-9]+)*") && s.length() <= 40)
            .distinct()
            .collect(Collectors.joining(", "));
    if (joined.isEmpty()) {
      return null;
    }
    return joined.length() <= COMPLAINT_REFERENCES_MAX ? joined : joined.substring(0, joined.lastIndexOf(", ", COMPLAINT_REFERENCES_MAX));
  }
}
