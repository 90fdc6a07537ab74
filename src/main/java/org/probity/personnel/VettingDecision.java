package org.probity.personnel;

import java.time.LocalDate;

/**
 * A vetting outcome to append to a person's history.
 *
 * @param decidedOn the date of the final decision (not in the future)
 * @param outcome cleared, conditionally cleared or not cleared
 * @param caseReference the vetting case it came from (for example {@code VET-2026-000123})
 * @param conditions required for a conditional clearance, not allowed otherwise
 * @param reviewDate required for a conditional clearance (the re-vetting date), optional for a
 *     clearance, not allowed when not cleared; after {@code decidedOn}
 */
public record VettingDecision(
    LocalDate decidedOn, VettingOutcome outcome, String caseReference, String conditions, LocalDate reviewDate) {}
