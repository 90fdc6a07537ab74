package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The appeal body remanded the case: the next assessment round starts blank (so that no earlier
 * answer satisfies a required field of the new round), while the list of assessors and panel
 * deciders of the case is kept for the four-eyes rule.
 */
@Component
class RemandVettingAssessmentDelegate implements JavaDelegate {

  private final VettingCases cases;

  RemandVettingAssessmentDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object remands = execution.getVariable(REMANDS);
    execution.setVariable(REMANDS, remands instanceof Number n ? n.intValue() + 1 : 1);
    execution.removeVariables(ROUND_VARIABLES);
    cases.notice(text(execution, CASE_REFERENCE), "remanded-for-re-assessment", null);
  }
}
