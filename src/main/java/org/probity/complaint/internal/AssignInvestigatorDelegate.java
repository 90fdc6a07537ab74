package org.probity.complaint.internal;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assigns the investigator under the conflict-of-interest rule; when nobody is eligible the
 * committee chair is asked to choose ({@code investigatorFound = false}).
 */
@Component
class AssignInvestigatorDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  AssignInvestigatorDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ProcessVariables.reference(execution);
    boolean afterAppeal = Boolean.TRUE.equals(execution.getVariable("appealUpheld"));
    Optional<ComplaintService.Assigned> assigned =
        complaints.assignInvestigator(
            reference, ProcessVariables.text(execution, "chosenInvestigator"), afterAppeal, TaskUser.current(execution));
    execution.removeVariable("chosenInvestigator");
    execution.setVariable("investigatorFound", assigned.isPresent());
    assigned.ifPresent(
        a -> {
          execution.setVariable("investigator", a.investigator());
          execution.setVariable("investigationDueDate", Date.from(a.due()));
          execution.setVariable("appealUpheld", false);
        });
  }
}
