package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes an inadmissible review (its reasons were recorded with the chair's decision). */
@Component("oversightCloseInadmissibleDelegate")
class CloseInadmissibleDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  CloseInadmissibleDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.close((Long) execution.getVariable("reviewId"), "inadmissible", null);
  }
}
