package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The resubmission deadline passed: the vetting goes on and is decided on the file, the missing
 * declarations noted for the assessor. Closing the case instead would let a serving officer escape
 * vetting by not declaring; the due-process steps that follow (notice of adverse information,
 * response, hearing, appeal) still protect the person.
 */
@Component
class ProceedOnVettingFileDelegate implements JavaDelegate {

  private final VettingCases cases;

  ProceedOnVettingFileDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DECIDED_ON_THE_FILE, true);
    cases.notice(text(execution, CASE_REFERENCE), "declarations-deadline-missed", null);
  }
}
