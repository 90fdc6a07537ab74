package org.probity.common;

import java.util.Collections;

/** Placeholders of a JDBC {@code in (...)} list. */
public final class SqlMarks {

  private SqlMarks() {}

  /** {@code n} comma-separated question marks: "?, ?, ?". */
  public static String of(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
