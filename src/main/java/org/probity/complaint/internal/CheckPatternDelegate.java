package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code vettingThresholdReached} (and the reason) from the officer's record of complaints. */
@Component
class CheckPatternDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  CheckPatternDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var reason = complaints.patternReached(ProcessVariables.reference(execution));
    execution.setVariable("vettingThresholdReached", reason.isPresent());
    execution.setVariable("vettingReason", reason.orElse(null));
  }
}
