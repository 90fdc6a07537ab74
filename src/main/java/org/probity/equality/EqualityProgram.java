package org.probity.equality;

import java.math.BigDecimal;

/**
 * An equality program as recorded by its approval process.
 *
 * @param reference human reference, e.g. {@code EQP-2026-000001} (also the business key)
 * @param status PROPOSED, IN_REVISION, ASSESSED, IN_FINANCE_REVIEW, IN_COMMITTEE, ADOPTED,
 *     REJECTED, NO_QUORUM, IMPLEMENTING, SUSPENDED or CLOSED
 * @param equityScore the last equity score (0-100), null before scoring
 * @param outcome evaluation outcome once closed
 */
public record EqualityProgram(
    String reference,
    String processInstanceId,
    String title,
    String programType,
    BigDecimal budget,
    String currency,
    int durationMonths,
    String status,
    int revisions,
    Integer equityScore,
    String scoreReasons,
    String riskRating,
    int missedReports,
    String outcome) {}
