package org.probity.export;

import java.time.Instant;

/**
 * A decision or finding a feature module records (a finding per allegation, a panel decision), for
 * the "Decisions and findings" sheet.
 *
 * @param caseReference the case's business key
 * @param kind for example "finding" or "panel decision"
 * @param title what was decided (for example the allegation)
 * @param outcome the outcome (for example "sustained")
 * @param decidedAt when
 * @param decidedBy who (an official's user name)
 * @param reasons the stated reasons; treated as possibly personal (pseudonymised as a whole unless
 *     the export is a full one)
 */
public record Finding(
    String caseReference, String kind, String title, String outcome, Instant decidedAt, String decidedBy, String reasons) {}
