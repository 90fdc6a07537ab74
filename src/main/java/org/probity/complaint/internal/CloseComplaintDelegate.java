package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the case (the terminate end event then ends every open branch). */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  CloseComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    complaints.close(ProcessVariables.reference(execution));
  }
}
