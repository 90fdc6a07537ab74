package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records a new proposal (and gives the case its reference as business key) or a revised one. */
@Component
class RecordProposalDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordProposalDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long programId = (Long) execution.getVariable("programId");
    long id = programs.recordProposal(programId, execution.getProcessInstanceId(), execution.getVariables(),
        (String) execution.getVariable("proposedBy"));
    if (programId == null) {
      String reference = programs.reference(id);
      execution.setVariable("programId", id);
      execution.setVariable("programReference", reference);
      execution.setProcessBusinessKey(reference);
    }
  }
}
