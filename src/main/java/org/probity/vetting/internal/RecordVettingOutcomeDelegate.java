package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.VettingDecision;
import org.probity.personnel.VettingOutcome;
import org.springframework.stereotype.Component;

/**
 * The final decision (after the appeal window or the appeal) goes into the personnel registry: the
 * person's vetting status, a row of vetting history with the case reference, and for a conditional
 * clearance the next review date that the daily re-vetting check watches.
 */
@Component
class RecordVettingOutcomeDelegate implements JavaDelegate {

  private final PersonnelRegistry registry;
  private final VettingCases cases;

  RecordVettingOutcomeDelegate(PersonnelRegistry registry, VettingCases cases) {
    this.registry = registry;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VettingOutcome outcome = outcome(text(execution, FINAL_DECISION));
    String reference = text(execution, CASE_REFERENCE);
    LocalDate reviewDate = outcome == VettingOutcome.NOT_CLEARED ? null : date(execution.getVariable(FINAL_REVIEW_DATE));
    String conditions = outcome == VettingOutcome.CONDITIONALLY_CLEARED ? text(execution, FINAL_CONDITIONS) : null;
    // the registry dates decisions by the calendar, not by the engine's (test) clock
    registry.recordVettingOutcome(
        text(execution, SERVICE_NUMBER),
        new VettingDecision(LocalDate.now(), outcome, reference, conditions, reviewDate),
        actor(execution.getProcessEngineServices()));
    cases.concluded(reference, outcome.name());
  }

  static VettingOutcome outcome(String decision) {
    if (decision == null) {
      throw new IllegalStateException("The case has no final decision");
    }
    return VettingOutcome.valueOf(decision.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
