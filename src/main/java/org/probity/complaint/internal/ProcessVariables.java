package org.probity.complaint.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the complaint-handling variables every step needs. */
final class ProcessVariables {

  private ProcessVariables() {}

  static String reference(VariableScope scope) {
    return (String) scope.getVariable("complaintReference");
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
