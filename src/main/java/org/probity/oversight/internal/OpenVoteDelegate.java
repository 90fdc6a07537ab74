package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Files the chair's draft and opens a new voting round on it. */
@Component("oversightOpenVoteDelegate")
class OpenVoteDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  OpenVoteDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    execution.setVariable("voteRound", reviews.openRound(id, FormValues.text(execution.getVariable("draftReport"))));
    execution.removeVariable("draftReport");
  }
}
