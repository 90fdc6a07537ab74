package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the complainant that the appeal was dismissed. */
@Component
class NotifyAppealDismissedDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  NotifyAppealDismissedDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.notifyAppealDismissed(ProcessVariables.reference(execution));
  }
}
