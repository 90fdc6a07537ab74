package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the request to this instance's institution (courts, anti-corruption body, ...). */
@Component
class SendRecordsRequestDelegate implements JavaDelegate {

  private final VettingCases cases;

  SendRecordsRequestDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.recordsRequested(text(execution, CASE_REFERENCE), text(execution, INSTITUTION));
  }
}
