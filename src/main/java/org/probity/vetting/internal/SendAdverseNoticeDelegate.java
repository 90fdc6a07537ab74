package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Notice of the adverse information to the person, with the end of the written-response window. */
@Component
class SendAdverseNoticeDelegate implements JavaDelegate {

  private final VettingCases cases;

  SendAdverseNoticeDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.notice(text(execution, CASE_REFERENCE), "adverse-information", VettingSchedule.after(text(execution, RESPONSE_WINDOW)));
  }
}
