package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Suspends the program on the committee's decision after a monitoring report signalled harm. */
@Component
class SuspendProgramDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  SuspendProgramDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    programs.suspend(programId);
  }
}
