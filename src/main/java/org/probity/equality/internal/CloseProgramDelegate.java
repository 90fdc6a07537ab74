package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the program with its evaluation outcome. */
@Component
class CloseProgramDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  CloseProgramDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    programs.close(programId, (String) execution.getVariable("evaluationOutcome"));
  }
}
