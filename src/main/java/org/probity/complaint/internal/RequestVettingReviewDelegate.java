package org.probity.complaint.internal;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * Sends the BPMN message {@code VettingReviewRequested}: to a vetting process waiting for this
 * officer if there is one, else to a process that starts on it if one is deployed, else the request
 * is recorded (complaint_vetting_request) for the vetting office. Always recorded on the case.
 */
@Component
class RequestVettingReviewDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RequestVettingReviewDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = ProcessVariables.reference(execution);
    String serviceNumber = complaints.serviceNumber(reference);
    String reason = ProcessVariables.text(execution, "vettingReason");
    Map<String, Object> variables =
        Map.of("serviceNumber", serviceNumber, "complaintReference", reference, "vettingReason", reason == null ? "" : reason);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    // the request is the system's, not the user's who completed the last task
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    String delivery;
    try {
      boolean waiting =
          runtime.createEventSubscriptionQuery().eventType("message").eventName(ComplaintProcess.VETTING_REVIEW_REQUESTED).list().stream()
              .anyMatch(s -> s.getExecutionId() != null);
      if (waiting
          && !runtime.createMessageCorrelation(ComplaintProcess.VETTING_REVIEW_REQUESTED)
              .processInstanceVariableEquals("serviceNumber", serviceNumber)
              .setVariables(variables)
              .correlateAllWithResult()
              .isEmpty()) {
        delivery = "correlated";
      } else if (repository.createProcessDefinitionQuery().messageEventSubscriptionName(ComplaintProcess.VETTING_REVIEW_REQUESTED).count() > 0) {
        // personnel-vetting's start reads its own names: the reason code and the pattern's references
        Map<String, Object> start = new HashMap<>(variables);
        start.put("reason", "complaint-pattern");
        start.put("complaintReferences", String.join(", ", complaints.patternReferences(reference)));
        runtime.startProcessInstanceByMessage(ComplaintProcess.VETTING_REVIEW_REQUESTED, serviceNumber, start);
        delivery = "started";
      } else {
        delivery = "recorded";
      }
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
    complaints.recordVettingRequest(reference, reason == null ? "pattern threshold reached" : reason, delivery);
  }
}
