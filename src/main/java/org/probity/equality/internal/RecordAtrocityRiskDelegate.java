package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the atrocity-risk lens of this assessment round. */
@Component
class RecordAtrocityRiskDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordAtrocityRiskDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    int round = (Integer) execution.getVariable("assessmentRound");
    execution.setVariable("mitigationPlanPresent", programs.recordAtrocityRisk(programId, round, execution.getVariables()));
  }
}
