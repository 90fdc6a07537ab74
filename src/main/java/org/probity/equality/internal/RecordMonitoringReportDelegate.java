package org.probity.equality.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores a monitoring report and says whether it signals harm. */
@Component
class RecordMonitoringReportDelegate implements JavaDelegate {

  private final EqualityProgramService programs;

  RecordMonitoringReportDelegate(EqualityProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long programId = (Long) execution.getVariable("programId");
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String filedBy = authentication == null ? null : authentication.getUserId();
    execution.setVariable("harmSignalled", programs.recordMonitoringReport(programId, execution.getVariables(), filedBy));
    // the report is on record; the next report starts from empty values, not from this one's
    execution.removeVariables(java.util.List.of("indicator1Value", "indicator2Value", "indicator3Value", "harmObserved",
        "reportNotes"));
  }
}
