package org.probity.oversight.internal;

import java.time.Period;
import org.probity.oversight.Quorum;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code probity.oversight.*}: the committee's quorum and the review's timers. The timer start
 * event of {@code oversight-review} reads {@link #scheduleCycle()} as
 * {@code ${oversightSettings.scheduleCycle()}} (a timer start cannot read process variables); the
 * other durations reach the process as variables set when a review opens.
 */
@Component("oversightSettings")
public class OversightSettings {

  private final Quorum quorum;
  private final String scheduleCycle;
  private final Period reminderBefore;
  private final String votingPeriod;
  private final Period responsePeriod;
  private final String followUpInterval;

  OversightSettings(
      @Value("${probity.oversight.quorum:more-than-half}") String quorum,
      @Value("${probity.oversight.schedule-cycle:0 0 6 * * ?}") String scheduleCycle,
      @Value("${probity.oversight.reminder-before:P3D}") String reminderBefore,
      @Value("${probity.oversight.voting-period:P14D}") String votingPeriod,
      @Value("${probity.oversight.response-period:P60D}") String responsePeriod,
      @Value("${probity.oversight.follow-up-interval:P3M}") String followUpInterval) {
    this.quorum = Quorum.parse(quorum);
    this.scheduleCycle = scheduleCycle;
    this.reminderBefore = Period.parse(reminderBefore);
    this.votingPeriod = votingPeriod;
    this.responsePeriod = Period.parse(responsePeriod);
    this.followUpInterval = followUpInterval;
  }

  /**
   * Cron expression or ISO 8601 repetition of the periodic-review start (default daily 06:00),
   * called by the schedule's timer as {@code ${oversightSettings.scheduleCycle()}}.
   */
  public String scheduleCycle() {
    return scheduleCycle;
  }

  Quorum quorum() {
    return quorum;
  }

  /** How long before an information request's deadline the institution is reminded. */
  Period reminderBefore() {
    return reminderBefore;
  }

  /** ISO 8601 duration members have to vote on a draft report. */
  String votingPeriod() {
    return votingPeriod;
  }

  /** How long the institution has to respond to the adopted report. */
  Period responsePeriod() {
    return responsePeriod;
  }

  /** ISO 8601 duration between follow-ups of open recommendations. */
  String followUpInterval() {
    return followUpInterval;
  }
}
