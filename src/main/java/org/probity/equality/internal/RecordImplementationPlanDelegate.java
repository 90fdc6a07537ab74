package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the milestones and sets the monitoring timer cycle and the grace period of a report. */
@Component
class RecordImplementationPlanDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordImplementationPlanDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    int duration = ((Number) execution.getVariable("durationMonths")).intValue();
    execution.setVariable("monitoringCycle", programs.recordImplementationPlan(programId, duration, execution.getVariables()));
    execution.setVariable("reportGracePeriod", programs.reportGracePeriod());
  }
}
