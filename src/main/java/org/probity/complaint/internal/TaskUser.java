package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the user the engine has authenticated for this call, else the task's assignee. */
final class TaskUser {

  private TaskUser() {}

  static String current(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  static String current(DelegateTask task) {
    String user = current(task.getExecution());
    return user != null ? user : task.getAssignee();
  }
}
