package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder to an institution that has not answered yet; the request stays open. */
@Component
class SendRecordsReminderDelegate implements JavaDelegate {

  private final VettingCases cases;

  SendRecordsReminderDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.recordsReminderSent(text(execution, CASE_REFERENCE), text(execution, INSTITUTION));
  }
}
