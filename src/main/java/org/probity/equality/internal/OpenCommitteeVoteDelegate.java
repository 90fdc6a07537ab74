package org.probity.equality.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Opens a vote round: one voting task per committee member. */
@Component
class OpenCommitteeVoteDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  OpenCommitteeVoteDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    Integer previous = (Integer) execution.getVariable("voteRound");
    var members = new ArrayList<>(programs.openVote(programId));
    execution.setVariable("voteRound", previous == null ? 1 : previous + 1);
    execution.setVariable("committeeSize", members.size());
    execution.setVariable("committeeMemberNames", String.join(",", members));
    // transient: read once by the multi-instance vote that follows in the same transaction
    execution.setVariable("committeeMembers", Variables.objectValue(members, true).create());
  }
}
