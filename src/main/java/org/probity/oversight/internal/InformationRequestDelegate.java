package org.probity.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends an information request: records it with its deadline (the end of the chosen day) and sets
 * the two timers: the reminder ({@code probity.oversight.reminder-before} earlier, never in the
 * past) and the deadline, after which the chair handles the overdue request.
 */
@Component("oversightInformationRequestDelegate")
class InformationRequestDelegate implements JavaDelegate {

  private final OversightReviews reviews;
  private final OversightSettings settings;

  InformationRequestDelegate(OversightReviews reviews, OversightSettings settings) {
    this.reviews = reviews;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    LocalDate day = FormValues.date(execution.getVariable("requestDeadline"));
    if (day == null) {
      throw new IllegalStateException("requestDeadline missing although the form requires it");
    }
    ZoneId zone = ZoneId.systemDefault();
    Instant deadline = day.plusDays(1).atStartOfDay(zone).toInstant();
    Instant reminder = day.minus(settings.reminderBefore()).atStartOfDay(zone).toInstant();
    Instant now = OversightReviews.now();
    if (reminder.isBefore(now)) {
      reminder = now;
    }
    long requestId =
        reviews.addInformationRequest(
            id, FormValues.text(execution.getVariable("requestSubject")), deadline, CurrentUser.of(execution.getProcessEngineServices()));
    execution.setVariable("informationRequestId", requestId);
    execution.setVariable("requestDeadlineAt", Date.from(deadline));
    execution.setVariable("requestReminderAt", Date.from(reminder));
    execution.removeVariable("requestSubject");
    execution.removeVariable("requestDeadline");
  }
}
