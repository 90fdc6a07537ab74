package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** How many recommendations are still open (open or accepted, not yet implemented or rejected). */
@Component("oversightOpenRecommendationsDelegate")
class OpenRecommendationsDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  OpenRecommendationsDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    int open = reviews.openRecommendations(id).size();
    execution.setVariable("openRecommendations", open);
    reviews.setStatus(id, open == 0 ? "final-report" : "follow-up");
  }
}
