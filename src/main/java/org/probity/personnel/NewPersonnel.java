package org.probity.personnel;

import java.time.LocalDate;

/**
 * A registration. The service number is normalised ({@link ServiceNumber#normalise}); every field
 * but {@code group} is required. See {@link PersonnelRegistry#register} for the rules.
 */
public record NewPersonnel(
    String serviceNumber,
    String fullName,
    Institution institution,
    String unit,
    String rank,
    LocalDate dateOfEntry,
    SelfIdentifiedGroup group) {}
