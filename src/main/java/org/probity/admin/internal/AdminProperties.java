package org.probity.admin.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code probity.admin.*}: the validation limits and allow-lists, and change control.
 *
 * @param validation what the deployment guard accepts
 * @param changeControl how a change gets deployed
 */
@ConfigurationProperties("probity.admin")
record AdminProperties(Validation validation, ChangeControl changeControl) {

  AdminProperties {
    validation = validation == null ? new Validation(null, null, null, null) : validation;
    changeControl = changeControl == null ? new ChangeControl(true) : changeControl;
  }

  /**
   * @param maxResourceSize largest accepted resource (BPMN, DMN, form); default 1 MiB
   * @param maxRequestSize largest accepted deployment request body on Camunda's REST API; default 5 MiB
   * @param assigneeVariables the process variables a user task may be assigned by, as
   *     {@code camunda:assignee="${name}"}, instead of candidate groups; default {@code initiator}
   * @param expressionBeans Spring beans (besides Probity's delegates and listeners) whose methods
   *     expressions may call: {@code ${bean.method(var, 'literal')}}; default none
   */
  record Validation(DataSize maxResourceSize, DataSize maxRequestSize, List<String> assigneeVariables, List<String> expressionBeans) {
    Validation {
      maxResourceSize = maxResourceSize == null ? DataSize.ofMegabytes(1) : maxResourceSize;
      maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(5) : maxRequestSize;
      assigneeVariables = assigneeVariables == null ? List.of("initiator") : List.copyOf(assigneeVariables);
      expressionBeans = expressionBeans == null ? List.of() : List.copyOf(expressionBeans);
    }
  }

  /** @param requireSecondApprover a draft is deployed only when another process administrator approves it */
  record ChangeControl(boolean requireSecondApprover) {}
}
