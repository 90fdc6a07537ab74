package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Files the institution's reply (held in this sub-process instance's local variables) on the case. */
@Component
class FileInstitutionReplyDelegate implements JavaDelegate {

  private final VettingCases cases;

  FileInstitutionReplyDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.recordsAnswered(
        text(execution, CASE_REFERENCE),
        text(execution, INSTITUTION),
        text(execution, RECORDS_FOUND),
        text(execution, REPLY_REFERENCE),
        text(execution, REPLY_SUMMARY));
  }
}
