package org.probity.complaint.internal;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.probity.common.InvalidInputException;
import org.probity.complaint.ComplaintProcess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** An appeal, lodged on the portal with the receipt code or by an intake officer: only while the window is open. */
@Component
class ComplaintAppeals {

  static final int MAX_REASON = 4000;

  private final ComplaintService complaints;
  private final RuntimeService runtimeService;

  ComplaintAppeals(ComplaintService complaints, RuntimeService runtimeService) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
  }

  static String reason(Map<String, Object> body) {
    for (String key : body.keySet()) {
      if (!"reason".equals(key)) {
        throw new InvalidInputException(key, "is not a field of this form");
      }
    }
    Object value = body.get("reason");
    if (value != null && !(value instanceof String)) {
      throw new InvalidInputException("reason", "must be text");
    }
    String reason = value == null ? "" : ((String) value).strip();
    if (reason.isEmpty()) {
      throw new InvalidInputException("reason", "is required");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
    }
    if (reason.contains("<") || reason.contains(">")) {
      throw new InvalidInputException("reason", "must not contain HTML or the characters < and >");
    }
    return reason;
  }

  boolean windowOpen(String reference) {
    String instance = complaints.complaint(reference).processInstanceId();
    return runtimeService.createEventSubscriptionQuery()
            .processInstanceId(instance)
            .eventType("message")
            .eventName(ComplaintProcess.APPEAL_LODGED)
            .count()
        > 0;
  }

  @Transactional
  void lodge(String reference, String channel, String by, String reason) {
    if (!windowOpen(reference)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The appeal window of this complaint is not open");
    }
    complaints.recordAppeal(reference, channel, by, reason);
    runtimeService.createMessageCorrelation(ComplaintProcess.APPEAL_LODGED)
        .processInstanceId(complaints.complaint(reference).processInstanceId())
        .correlate();
  }
}
