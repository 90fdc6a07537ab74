package org.probity.export.internal;

/** The three workbooks. */
enum ExportKind {
  CASES("cases"),
  TASKS("tasks"),
  AUDIT_TRAIL("audit-trail");

  private final String file;

  ExportKind(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }
}
