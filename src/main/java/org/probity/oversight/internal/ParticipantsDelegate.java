package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After every ruling: how many members take part and how many are recused; the inquiry opens. */
@Component("oversightParticipantsDelegate")
class ParticipantsDelegate implements JavaDelegate {

  private final OversightReviews reviews;

  ParticipantsDelegate(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    execution.setVariable("participantCount", reviews.participants(id).size());
    execution.setVariable("recusedCount", reviews.recusedCount(id));
    reviews.setStatus(id, "inquiry");
  }
}
