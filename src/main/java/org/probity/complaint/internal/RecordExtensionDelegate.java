package org.probity.complaint.internal;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the investigator's extension (reason, new due date) and tells the complainant. */
@Component
class RecordExtensionDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  RecordExtensionDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = TaskUser.current(execution);
    var due =
        complaints.recordExtension(
            ProcessVariables.reference(execution),
            by != null ? by : ProcessVariables.text(execution, "investigator"),
            ProcessVariables.text(execution, "extensionReason"),
            LocalDate.parse(ProcessVariables.text(execution, "extensionUntil")));
    execution.setVariable("investigationDueDate", Date.from(due));
  }
}
