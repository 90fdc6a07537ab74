package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts a monitoring report that is overdue (the chair is asked to chase it). */
@Component
class RecordMissedReportDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordMissedReportDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    programs.recordMissedReport(programId);
  }
}
