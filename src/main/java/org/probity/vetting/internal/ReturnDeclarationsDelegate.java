package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Incomplete declarations go back to the person, with the resubmission deadline recorded on the file. */
@Component
class ReturnDeclarationsDelegate implements JavaDelegate {

  private final VettingCases cases;

  ReturnDeclarationsDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String period = text(execution, DECLARATIONS_RESUBMISSION_PERIOD);
    cases.notice(text(execution, CASE_REFERENCE), "declarations-returned", VettingSchedule.after(period));
    Object returned = execution.getVariable(DECLARATIONS_RETURNED);
    execution.setVariable(DECLARATIONS_RETURNED, returned instanceof Number n ? n.intValue() + 1 : 1);
  }
}
