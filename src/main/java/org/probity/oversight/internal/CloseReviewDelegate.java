package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the review with the chair's final report. */
@Component("oversightCloseReviewDelegate")
class CloseReviewDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  CloseReviewDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.close((Long) execution.getVariable("reviewId"), "closed", FormValues.text(execution.getVariable("finalReport")));
    execution.removeVariable("finalReport");
  }
}
