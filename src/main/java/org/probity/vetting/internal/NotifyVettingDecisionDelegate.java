package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The panel's decision becomes the decision of the case (until an appeal changes it); the person is notified with the appeal deadline. */
@Component
class NotifyVettingDecisionDelegate implements JavaDelegate {

  private final VettingCases cases;

  NotifyVettingDecisionDelegate(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(FINAL_DECISION, text(execution, PANEL_DECISION));
    execution.setVariable(FINAL_CONDITIONS, text(execution, CONDITIONS));
    execution.setVariable(FINAL_REVIEW_DATE, text(execution, REVIEW_DATE));
    cases.notice(text(execution, CASE_REFERENCE), "decision", VettingSchedule.after(text(execution, APPEAL_WINDOW)));
  }
}
