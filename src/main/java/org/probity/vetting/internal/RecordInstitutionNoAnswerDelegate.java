package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The institution's deadline passed without a reply: recorded as "no answer", the vetting goes on. */
@Component
class RecordInstitutionNoAnswerDelegate implements JavaDelegate {

  static final String NO_ANSWER = "no-answer";

  private final VettingCases cases;

  RecordInstitutionNoAnswerDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.recordsAnswered(text(execution, CASE_REFERENCE), text(execution, INSTITUTION), NO_ANSWER, null, null);
  }
}
