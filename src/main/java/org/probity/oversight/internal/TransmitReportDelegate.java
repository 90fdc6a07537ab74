package org.probity.oversight.internal;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The adopted report and its recommendations go to the institution, which must respond by a deadline. */
@Component("oversightTransmitReportDelegate")
class TransmitReportDelegate implements JavaDelegate {

  private final OversightReviews reviews;
  private final OversightSettings settings;

  TransmitReportDelegate(OversightReviews reviews, OversightSettings settings) {
    this.reviews = reviews;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    reviews.setStatus(id, "awaiting-response");
    var deadline = OversightReviews.now().atZone(ZoneId.systemDefault()).plus(settings.responsePeriod()).toInstant();
    execution.setVariable("responseDeadlineAt", Date.from(deadline));
  }
}
