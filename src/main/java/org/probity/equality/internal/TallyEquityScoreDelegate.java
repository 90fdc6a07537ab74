package org.probity.equality.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the matching rules of equality-program-scoring into the score, its reasons and the route. */
@Component
class TallyEquityScoreDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  TallyEquityScoreDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    var items = (List<Map<String, Object>>) execution.getVariable("equityScoreItems");
    var score = programs.tally(programId, items, (String) execution.getVariable("riskRating"),
        (Boolean) execution.getVariable("mitigationPlanPresent"));
    // the decision's raw result list is not kept: the score and its reasons say it all
    execution.removeVariable("equityScoreItems");
    execution.setVariable("equityScore", score.score());
    execution.setVariable("equityScoreReasons", score.reasons());
    execution.setVariable("scorePassed", score.passed());
    execution.setVariable("riskBlocked", score.riskBlocked());
    if (score.revisionReason() != null) {
      execution.setVariable("revisionReason", score.revisionReason());
    }
  }
}
