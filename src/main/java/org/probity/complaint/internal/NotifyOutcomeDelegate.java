package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the complainant the outcome (findings per allegation) and opens the appeal window. */
@Component
class NotifyOutcomeDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  NotifyOutcomeDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.notifyOutcome(ProcessVariables.reference(execution));
  }
}
