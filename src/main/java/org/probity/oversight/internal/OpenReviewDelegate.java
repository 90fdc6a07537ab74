package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the review file for whichever trigger started the process (own motion, schedule, complaint
 * referral), gives it its reference (also the business key) and the configured durations.
 */
@Component("oversightOpenReviewDelegate")
class OpenReviewDelegate implements JavaDelegate {

  private final OversightReviews reviews;
  private final OversightSettings settings;

  OpenReviewDelegate(OversightReviews reviews, OversightSettings settings) {
    this.reviews = reviews;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String complaintReference = FormValues.text(execution.getVariable("complaintReference"));
    String trigger = FormValues.text(execution.getVariable("trigger"));
    if (trigger == null) {
      trigger = complaintReference != null ? "complaint-referral" : "own-motion";
    }
    long id =
        reviews.open(
            execution.getProcessInstanceId(),
            trigger,
            complaintReference,
            FormValues.text(execution.getVariable("institution")),
            FormValues.text(execution.getVariable("unit")),
            FormValues.text(execution.getVariable("reviewReason")));
    String reference = reviews.reference(id);
    execution.setProcessBusinessKey(reference);
    execution.setVariable("reviewId", id);
    execution.setVariable("reviewReference", reference);
    execution.setVariable("trigger", trigger);
    execution.setVariable("votingPeriod", settings.votingPeriod());
    execution.setVariable("followUpInterval", settings.followUpInterval());
    execution.removeVariable("reviewReason");
  }
}
