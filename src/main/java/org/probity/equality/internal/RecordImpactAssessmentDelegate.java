package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the impact matrix of this assessment round and derives the equity score's inputs. */
@Component
class RecordImpactAssessmentDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordImpactAssessmentDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    Integer previous = (Integer) execution.getVariable("assessmentRound");
    int round = previous == null ? 1 : previous + 1;
    ImpactMatrix matrix = programs.recordImpactAssessment(programId, round, execution.getVariables());
    execution.setVariable("assessmentRound", round);
    execution.setVariable("dataCoverage", matrix.dataCoverage());
    execution.setVariable("gapReduction", ImpactMatrix.round(matrix.gapReduction()).doubleValue());
    execution.setVariable("mostDisadvantagedTargeted", matrix.mostDisadvantagedTargeted());
  }
}
