package org.probity.personnel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The format of a service number: after trimming and upper-casing, 2 to 32 characters of letters
 * A-Z and digits, in groups joined by single hyphens, with at least one digit (for example
 * {@code PD-1001}, {@code A12345}).
 */
public final class ServiceNumber {

  public static final int MAX_LENGTH = 32;
  public static final String RULE =
      "must be 2 to 32 letters A-Z and digits, in groups joined by single hyphens, with at least one digit (e.g. PD-1001)";
  private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

  private ServiceNumber() {}

  /** Trimmed and upper-cased; null stays null. */
  public static String normalise(String serviceNumber) {
    return serviceNumber == null ? null : serviceNumber.strip().toUpperCase(Locale.ROOT);
  }

  /** Whether the normalised form follows the format. */
  public static boolean isValid(String serviceNumber) {
    String normalised = normalise(serviceNumber);
    return normalised != null
        && normalised.length() >= 2
        && normalised.length() <= MAX_LENGTH
        && FORMAT.matcher(normalised).matches()
        && normalised.chars().anyMatch(Character::isDigit);
  }
}
