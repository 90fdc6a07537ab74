package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Remembers who completed an integrity assessment of the case: the four-eyes rule keeps them off the decision. */
@Component
class RecordVettingAssessorListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = currentUser(task.getProcessEngineServices());
    if (user != null) {
      task.getExecution().setVariable(ASSESSORS, withUser(task.getExecution().getVariable(ASSESSORS), user));
    }
  }
}
