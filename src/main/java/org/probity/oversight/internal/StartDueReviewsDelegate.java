package org.probity.oversight.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The periodic-review schedule ({@code oversight-review-schedule}): starts one
 * {@code oversight-review} (message {@code OversightPeriodicReview}) for each institution of
 * {@code oversight_schedule} that is due, most overdue first, and moves its next date on.
 */
@Component("oversightStartDueReviewsDelegate")
class StartDueReviewsDelegate implements JavaDelegate {

  static final String MESSAGE = "OversightPeriodicReview";

  private final OversightReviews reviews;

  StartDueReviewsDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    int started = 0;
    for (var due = reviews.claimDueInstitution(); due.isPresent(); due = reviews.claimDueInstitution()) {
      runtime
          .createMessageCorrelation(MESSAGE)
          .setVariable("institution", due.get().institution())
          .setVariable("unit", due.get().unit())
          .setVariable("trigger", "schedule")
          .correlateStartMessage();
      started++;
    }
    execution.setVariable("reviewsStarted", started);
  }
}
