package org.probity.vetting.internal;

import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadlines and schedule of {@code personnel-vetting} ({@code probity.vetting.*}, ISO 8601
 * durations), and the institutions asked for records. The process reads the re-vetting cycle and the
 * institutions from this bean ({@code ${vettingSchedule...}}); the case's deadlines are copied into
 * its variables when it opens, so a running case keeps the deadlines it started with.
 */
@Component("vettingSchedule")
public class VettingSchedule {

  private final String declarationsResubmissionPeriod;
  private final String recordsReminderAfter;
  private final String recordsDeadline;
  private final String responseWindow;
  private final String appealWindow;
  private final String reVettingSweepCycle;
  private final List<String> institutions;

  VettingSchedule(
      @Value("${probity.vetting.declarations-resubmission-period:P14D}") String declarationsResubmissionPeriod,
      @Value("${probity.vetting.records-reminder-after:P14D}") String recordsReminderAfter,
      @Value("${probity.vetting.records-deadline:P30D}") String recordsDeadline,
      @Value("${probity.vetting.response-window:P21D}") String responseWindow,
      @Value("${probity.vetting.appeal-window:P30D}") String appealWindow,
      @Value("${probity.vetting.re-vetting-sweep-cycle:0 0 5 * * ?}") String reVettingSweepCycle,
      @Value("${probity.vetting.institutions:courts,anti-corruption-body,human-rights-commission,internal-affairs}")
          List<String> institutions) {
    this.declarationsResubmissionPeriod = duration("declarations-resubmission-period", declarationsResubmissionPeriod);
    this.recordsReminderAfter = duration("records-reminder-after", recordsReminderAfter);
    this.recordsDeadline = duration("records-deadline", recordsDeadline);
    this.responseWindow = duration("response-window", responseWindow);
    this.appealWindow = duration("appeal-window", appealWindow);
    this.reVettingSweepCycle = reVettingSweepCycle.strip();
    this.institutions = institutions.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (this.institutions.isEmpty() || this.institutions.stream().anyMatch(i -> !i.matches("[a-z0-9-]{2,40}"))) {
      throw new IllegalStateException("probity.vetting.institutions: 1 or more ids of 2 to 40 characters a-z, 0-9, '-'");
    }
  }

  private static String duration(String name, String value) {
    String v = value == null ? "" : value.strip();
    try {
      if (!v.startsWith("P")) {
        throw new IllegalArgumentException();
      }
      DatatypeFactory.newInstance().newDuration(v);
      return v;
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      throw new IllegalStateException("probity.vetting." + name + " must be an ISO 8601 duration such as P14D, not " + value);
    }
  }

  /** The instant a deadline of this ISO 8601 duration falls, counted from now on the engine's clock. */
  static java.time.Instant after(String isoDuration) {
    try {
      java.util.Date date = java.util.Date.from(VettingCases.now());
      DatatypeFactory.newInstance().newDuration(isoDuration).addTo(date);
      return date.toInstant();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The timer variables a new case starts with. */
  Map<String, Object> deadlines() {
    return Map.of(
        VettingVariables.DECLARATIONS_RESUBMISSION_PERIOD, declarationsResubmissionPeriod,
        VettingVariables.RECORDS_REMINDER_AFTER, recordsReminderAfter,
        VettingVariables.RECORDS_DEADLINE, recordsDeadline,
        VettingVariables.RESPONSE_WINDOW, responseWindow,
        VettingVariables.APPEAL_WINDOW, appealWindow);
  }

  /** Cron expression of the daily check for conditional clearances due for re-vetting. */
  public String getReVettingSweepCycle() {
    return reVettingSweepCycle;
  }

  /** The institutions asked for records, one records request each (multi-instance collection). */
  public List<String> getInstitutions() {
    return institutions;
  }

  String declarationsResubmissionPeriod() {
    return declarationsResubmissionPeriod;
  }

  String responseWindow() {
    return responseWindow;
  }

  String appealWindow() {
    return appealWindow;
  }
}
