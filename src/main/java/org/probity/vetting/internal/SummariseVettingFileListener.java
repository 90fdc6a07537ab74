package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When an assessment task is created, puts the records replies on the file in front of the assessor (read-only on the form). */
@Component
class SummariseVettingFileListener implements TaskListener {

  static final String RECORDS_REQUESTS_SUMMARY = "recordsRequestsSummary";

  private final VettingCases cases;

  SummariseVettingFileListener(VettingCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    String summary = cases.recordsRequestsSummary(text(task.getExecution(), CASE_REFERENCE));
    task.getExecution().setVariable(RECORDS_REQUESTS_SUMMARY, summary.isEmpty() ? "no records requests" : summary);
  }
}
