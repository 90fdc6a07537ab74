package org.probity.personnel;

import java.time.Instant;
import java.time.LocalDate;

/** One row of a person's vetting history (append-only). */
public record VettingEntry(
    LocalDate decidedOn,
    VettingOutcome outcome,
    String caseReference,
    String conditions,
    LocalDate reviewDate,
    Instant recordedAt,
    String recordedBy) {}
