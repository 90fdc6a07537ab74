package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The response window closed without a written response: recorded, and the panel decides. */
@Component
class RecordNoWrittenResponseDelegate implements JavaDelegate {

  private final VettingCases cases;

  RecordNoWrittenResponseDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(WRITTEN_RESPONSE_RECEIVED, false);
    cases.notice(text(execution, CASE_REFERENCE), "response-window-closed", null);
  }
}
