package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The institution let the response deadline pass: recorded, and the chair gets a special report. */
@Component("oversightNoResponseDelegate")
class NoResponseDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  NoResponseDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    reviews.recordResponse(id, "No response by the deadline");
    reviews.setStatus(id, "special-report");
  }
}
