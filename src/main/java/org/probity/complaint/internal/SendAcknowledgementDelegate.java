package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the acknowledgement on the case and sends it (e-mail when given, always on the portal). */
@Component
class SendAcknowledgementDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  SendAcknowledgementDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String note = (String) execution.getVariable("acknowledgementNote");
    complaints.acknowledge(ProcessVariables.reference(execution), note == null || note.isBlank() ? null : note.strip());
  }
}
