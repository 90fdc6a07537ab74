package org.probity.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.probity.audit.AuditTrail;
import org.probity.common.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For harnesses that run without the Spring context: the audit-trail workbook written by the very
 * code behind {@code GET /api/exports/audit-trail.xlsx} ({@link ExportService}: paged reads of the
 * trail, SXSSF writing, the sheet's hash, the Summary sheet), on a given database.
 */
public final class AuditTrailWorkbooks {

  /** The sheet's columns as the export writes them. */
  public static final List<String> HEADERS =
      List.of("Sequence", "Time", "Actor", "Roles", "Action", "Subject", "Details", "Client address", "Previous hash", "Hash");

  /** The export's column widths in characters. */
  public static final List<Integer> WIDTHS = List.of(10, 20, 16, 24, 20, 24, 60, 16, 66, 66);

  /** The export's SXSSF row window. */
  public static final int WINDOW = ExportWorkbook.WINDOW;

  private final ExportService exports;
  private final AuditTrail trail;

  public AuditTrailWorkbooks(DataSource dataSource, AuditTrail trail) {
    this.trail = trail;
    this.exports =
        new ExportService(
            new JdbcTemplate(dataSource),
            trail,
            // not used by the audit-trail workbook (no personal data columns); a throwaway key
            new PersonalDataCipher("dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", ""),
            List.of(),
            List.of());
  }

  /** Writes the audit-trail workbook of the days {@code [from, to]} as an auditor would get it. */
  public void write(LocalDate from, LocalDate to, OutputStream out) throws IOException {
    ExportRequest request = new ExportRequest(ExportKind.AUDIT_TRAIL, from, to, null, null, "bench-auditor", "auditors");
    exports.write(request, trail.head(), out);
  }
}
