package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records each member's vote (or recusal) as their voting task completes. */
@Component
class RecordCommitteeVoteListener implements TaskListener {

  private final EqualityProgramService programs;

  RecordCommitteeVoteListener(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void notify(DelegateTask task) {
    programs.recordVote((Long) task.getVariable("programId"), (Integer) task.getVariable("voteRound"),
        task.getAssignee(), (String) task.getVariable("vote"), (String) task.getVariable("voteReason"));
    // the ballot is on record; the next member's ballot must not inherit this one's values
    task.removeVariable("vote");
    task.removeVariable("voteReason");
  }
}
