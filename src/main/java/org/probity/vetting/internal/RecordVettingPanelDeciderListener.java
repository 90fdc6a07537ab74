package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Remembers who made a panel decision of the case: they may not review its appeal. */
@Component
class RecordVettingPanelDeciderListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = currentUser(task.getProcessEngineServices());
    if (user != null) {
      task.getExecution().setVariable(PANEL_DECIDERS, withUser(task.getExecution().getVariable(PANEL_DECIDERS), user));
    }
  }
}
