package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The automatic check of the complaint records of the person, attached to the file. */
@Component
class AttachComplaintRecordsDelegate implements JavaDelegate {

  private final ComplaintRecordsAttachment attachment;

  AttachComplaintRecordsDelegate(ComplaintRecordsAttachment attachment) {
    this.attachment = attachment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(attachment.variablesFor(text(execution, SERVICE_NUMBER)));
  }
}
