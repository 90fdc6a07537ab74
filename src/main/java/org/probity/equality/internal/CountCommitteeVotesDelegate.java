package org.probity.equality.internal;

import org.probity.oversight.VoteCount.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the committee vote with the oversight committee's quorum and majority rules. */
@Component
class CountCommitteeVotesDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  CountCommitteeVotesDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    var outcome = programs.countVotes(programId, (Integer) execution.getVariable("voteRound"),
        (Integer) execution.getVariable("committeeSize"));
    execution.setVariable("quorumReached", outcome != Outcome.NO_QUORUM);
    execution.setVariable("adopted", outcome == Outcome.ADOPTED);
  }
}
