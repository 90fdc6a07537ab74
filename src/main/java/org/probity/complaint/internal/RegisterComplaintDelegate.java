package org.probity.complaint.internal;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step after the intake form: creates the case (reference = business key), moves personal
 * data (every {@code pii*} variable) into encrypted storage and removes it from the process, and
 * sets the deadlines and the triage inputs.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final ComplaintProperties properties;

  RegisterComplaintDelegate(ComplaintService complaints, ComplaintProperties properties) {
    this.complaints = complaints;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintService.Registered registered =
        complaints.register(
            execution.getVariables(), execution.getProcessInstanceId(), (String) execution.getVariable("complaintInitiator"));
    execution.setProcessBusinessKey(registered.reference());
    for (String name : List.copyOf(execution.getVariableNames())) {
      if (name.startsWith("pii")) {
        execution.removeVariable(name);
      }
    }
    execution.setVariable("complaintReference", registered.reference());
    execution.setVariable("allegationCount", registered.allegationCount());
    execution.setVariable("triageAllegationType", registered.leadType());
    execution.setVariable("triageSeverity", registered.leadSeverity());
    execution.setVariable("acknowledgementDeadline", properties.acknowledgementDeadline());
    execution.setVariable("acknowledgementDueDate", Date.from(registered.acknowledgementDue()));
    execution.setVariable("appealWindow", properties.appealWindow());
  }
}
