package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The appeal overturned the panel's decision: the appeal body's decision becomes the case's decision. */
@Component
class ApplyVettingAppealDecisionDelegate implements JavaDelegate {

  private final VettingCases cases;

  ApplyVettingAppealDecisionDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(FINAL_DECISION, text(execution, APPEAL_OUTCOME));
    execution.setVariable(FINAL_CONDITIONS, text(execution, APPEAL_CONDITIONS));
    execution.setVariable(FINAL_REVIEW_DATE, text(execution, APPEAL_REVIEW_DATE));
    cases.notice(text(execution, CASE_REFERENCE), "decision-overturned-on-appeal", null);
  }
}
