package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records who reviewed the appeal (the system when completed through the Java API without a user). */
@Component
class RecordVettingAppealReviewerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(APPEAL_REVIEWED_BY, actor(task.getProcessEngineServices()));
  }
}
