package org.probity.equality.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code probity.equality.*}: the equity score's pass mark, what budgets and currencies a
 * proposal may carry, the program duration bounds, and the monitoring rhythm.
 *
 * @param passThreshold equity score (0-100) a program needs to go on to finance and the committee
 * @param maxBudget largest budget a single proposal may ask for
 * @param currencies ISO 4217 codes accepted
 * @param minDurationMonths shortest program
 * @param maxDurationMonths longest program
 * @param monitoringIntervalMonths months between two monitoring reports
 * @param reportGracePeriod ISO 8601 duration after which a missing report goes to the chair
 */
@ConfigurationProperties("probity.equality")
record EqualityProperties(
    Integer passThreshold,
    BigDecimal maxBudget,
    List<String> currencies,
    Integer minDurationMonths,
    Integer maxDurationMonths,
    Integer monitoringIntervalMonths,
    String reportGracePeriod) {

  EqualityProperties {
    passThreshold = passThreshold == null ? 50 : passThreshold;
    maxBudget = maxBudget == null ? new BigDecimal("1000000000") : maxBudget;
    currencies = currencies == null || currencies.isEmpty()
        ? List.of("USD", "EUR", "GBP", "CHF", "XOF", "XAF", "KES", "NGN", "ZAR", "ETB", "UGX", "RWF", "GHS")
        : currencies.stream().map(c -> c.trim().toUpperCase(java.util.Locale.ROOT)).toList();
    minDurationMonths = minDurationMonths == null ? 3 : minDurationMonths;
    maxDurationMonths = maxDurationMonths == null ? 120 : maxDurationMonths;
    monitoringIntervalMonths = monitoringIntervalMonths == null ? 3 : monitoringIntervalMonths;
    reportGracePeriod = reportGracePeriod == null ? "P14D" : reportGracePeriod;
  }
}
