package org.probity.oversight.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.common.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Records a site visit or hearing (date, who, summary). Who was met or heard is personal data: it
 * is stored encrypted and its variable removed in the same transaction.
 */
@Component("oversightVisitOrHearingDelegate")
class VisitOrHearingDelegate implements JavaDelegate {

  static final String ATTENDEES_CONTEXT = "oversight.inquiry.attendees";

  private final OversightReviews reviews;
  private final PersonalDataCipher cipher;

  VisitOrHearingDelegate(OversightReviews reviews, PersonalDataCipher cipher) {
    this.reviews = reviews;
    this.cipher = cipher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = (Long) execution.getVariable("reviewId");
    reviews.addVisitOrHearing(
        id,
        FormValues.text(execution.getVariable("recordKind")),
        FormValues.text(execution.getVariable("recordSummary")),
        FormValues.date(execution.getVariable("recordDate")),
        cipher.encrypt(FormValues.text(execution.getVariable("piiAttendees")), ATTENDEES_CONTEXT),
        CurrentUser.of(execution.getProcessEngineServices()));
    for (String name : new String[] {"recordKind", "recordSummary", "recordDate", "piiAttendees"}) {
      execution.removeVariable(name);
    }
  }
}
