package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.oversight.VoteCount;
import org.springframework.stereotype.Component;

/**
 * Counts the round's votes with the committee's rule ({@link VoteCount}, quorum from
 * {@code probity.oversight.quorum}): {@code voteOutcome} is ADOPTED, REJECTED or NO_QUORUM.
 */
@Component("oversightCountVotesDelegate")
class CountVotesDelegate implements JavaDelegate {

  private final OversightReviews reviews;
  private final OversightSettings settings;

  CountVotesDelegate(OversightReviews reviews, OversightSettings settings) {
    this.reviews = reviews;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    int round = (Integer) execution.getVariable("voteRound");
    VoteCount.Outcome outcome = reviews.countVotes(id, round, settings.quorum());
    execution.setVariable("voteOutcome", outcome.name());
    reviews.setStatus(id, outcome == VoteCount.Outcome.ADOPTED ? "recommendations" : "drafting");
  }
}
