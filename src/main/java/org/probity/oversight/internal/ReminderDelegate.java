package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the institution was reminded of an information request nearing its deadline. */
@Component("oversightReminderDelegate")
class ReminderDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  ReminderDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.markReminded((Long) execution.getVariable("informationRequestId"));
  }
}
