package org.probity.personnel;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh registrations for tests that share one database: every service number is new. */
public final class PersonnelTesting {

  private PersonnelTesting() {}

  public static String serviceNumber(String prefix) {
    return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
  }

  public static NewPersonnel person(String serviceNumber, String name, String unit) {
    return new NewPersonnel(
        serviceNumber, name, Institution.POLICE, unit, "Constable", LocalDate.of(2015, 6, 1), SelfIdentifiedGroup.NOT_STATED);
  }
}
