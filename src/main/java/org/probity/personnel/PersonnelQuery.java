package org.probity.personnel;

/**
 * A search: every criterion is optional and they combine (all must hold).
 *
 * @param serviceNumber a service number or its beginning (normalised)
 * @param name one or more parts of the name, each matched whole (case and accents ignored)
 * @param unit part of the unit's name (case ignored)
 * @param page 0-based page
 * @param size page size, 1 to {@link #MAX_SIZE}
 */
public record PersonnelQuery(String serviceNumber, String name, String unit, int page, int size) {

  public static final int MAX_SIZE = 100;

  public static PersonnelQuery byServiceNumber(String serviceNumber) {
    return new PersonnelQuery(serviceNumber, null, null, 0, 20);
  }

  public static PersonnelQuery byName(String name) {
    return new PersonnelQuery(null, name, null, 0, 20);
  }

  public static PersonnelQuery byUnit(String unit) {
    return new PersonnelQuery(null, null, unit, 0, 20);
  }
}
