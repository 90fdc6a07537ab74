package org.probity.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person in the registry, as the registry's callers see it. {@code fullName} is decrypted: show it
 * only to roles entitled to it; {@code pseudonym} is the stable stand-in for everyone else. The
 * self-identified group is never part of it.
 */
public record PersonnelRecord(
    String serviceNumber,
    String fullName,
    String pseudonym,
    Institution institution,
    String unit,
    String rank,
    LocalDate dateOfEntry,
    PersonnelStatus status,
    String statusReason,
    VettingStatus vettingStatus,
    LocalDate nextReviewDate,
    List<VettingEntry> vettingHistory,
    Instant registeredAt) {}
