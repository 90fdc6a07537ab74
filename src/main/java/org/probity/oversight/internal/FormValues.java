package org.probity.oversight.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.time.ZoneId;

/** Reading form values as they arrive from Camunda Forms (dates as ISO text, lists as text). */
final class FormValues {

  private FormValues() {}

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  static boolean blank(Object value) {
    return text(value) == null;
  }

  /** A date from a form: {@code 2026-12-01}, {@code 2026-12-01T10:00...}, or a Date; null when absent or unreadable. */
  static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
    String text = text(value);
    if (text == null || text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Recommendation numbers written as {@code "1, 3"}: distinct, in the order given; empty for blank.
   *
   * @throws IllegalArgumentException when a part is not a positive whole number
   */
  static List<Integer> numbers(Object value) {
    String text = text(value);
    LinkedHashSet<Integer> numbers = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    for (String part : text.split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!part.matches("\\d{1,6}") || Integer.parseInt(part) < 1) {
        throw new IllegalArgumentException("'" + part + "' is not a recommendation number; write numbers like 1, 3");
      }
      numbers.add(Integer.parseInt(part));
    }
    return new ArrayList<>(numbers);
  }
}
