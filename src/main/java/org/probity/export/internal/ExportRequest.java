package org.probity.export.internal;

import java.time.LocalDate;

/**
 * What was asked for: the kind of export, the days {@code [from, to]} (inclusive), an optional
 * process definition key, and, for a full export with personal data in clear, the stated reason.
 */
record ExportRequest(ExportKind kind, LocalDate from, LocalDate to, String process, String reason, String user, String roles) {

  boolean full() {
    return reason != null;
  }
}
