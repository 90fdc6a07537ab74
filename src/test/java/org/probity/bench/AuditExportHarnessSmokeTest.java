package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.probity.bench.AuditExportHarness.Rows;
import org.probity.bench.AuditExportHarness.Run;
import org.probity.export.internal.AuditTrailWorkbooks;

/**
 * A small run of the export benchmark's harness in the ordinary test run, so that it cannot rot:
 * seeding makes a valid chain, both contenders write the same cells, the workbooks reopen.
 */
class AuditExportHarnessSmokeTest {

  static final int ROWS = 2_000;

  @Test
  void bothContendersWriteTheSameRowsAndTheWorkbooksReopen() throws Exception {
    try (AuditExportHarness harness = AuditExportHarness.h2Memory("bench-export-smoke")) {
      harness.createSchema();
      Rows[] seeded = harness.seed(100, ROWS);
      assertThat(harness.trail().verify().valid()).as("the seeded chain is valid").isTrue();
      assertThat(harness.trail().verify().entries()).isEqualTo(100 + ROWS);

      Run timed = AuditExportHarness.time("probity", out -> harness.probity(AuditExportHarness.WARM_UP_DAY, out));
      assertThat(timed.bytes()).isPositive();
      assertThat(timed.seconds()).isPositive();
      assertThat(timed.peakHeapBytes()).isPositive();

      ByteArrayOutputStream probity = new ByteArrayOutputStream();
      harness.probity(AuditExportHarness.DAY, probity);
      ByteArrayOutputStream floor = new ByteArrayOutputStream();
      AuditExportHarness.floor(seeded[1], floor);

      try (XSSFWorkbook exported = new XSSFWorkbook(new ByteArrayInputStream(probity.toByteArray()));
          XSSFWorkbook library = new XSSFWorkbook(new ByteArrayInputStream(floor.toByteArray()))) {
        XSSFSheet entries = exported.getSheet("Audit entries");
        XSSFSheet same = library.getSheet("Audit entries");
        assertThat(entries.getLastRowNum()).isEqualTo(ROWS);
        assertThat(same.getLastRowNum()).isEqualTo(ROWS);
        assertThat(cells(entries.getRow(0))).containsExactlyElementsOf(AuditTrailWorkbooks.HEADERS);
        DataFormatter text = new DataFormatter();
        for (int r = 0; r <= ROWS; r++) {
          Row a = entries.getRow(r);
          Row b = same.getRow(r);
          for (int c = 0; c < AuditTrailWorkbooks.HEADERS.size(); c++) {
            Cell x = a.getCell(c);
            Cell y = b.getCell(c);
            assertThat(y.getCellType()).as("cell type, row %d column %d", r, c).isEqualTo(x.getCellType());
            assertThat(text.formatCellValue(y)).as("value, row %d column %d", r, c).isEqualTo(text.formatCellValue(x));
            assertThat(y.getCellStyle().getDataFormatString()).isEqualTo(x.getCellStyle().getDataFormatString());
          }
        }
        assertThat(entries.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC); // a real date
        assertThat(exported.getSheet("Summary").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Probity export");
      }
    }
  }

  private static List<String> cells(Row row) {
    return java.util.stream.StreamSupport.stream(row.spliterator(), false).map(Cell::getStringCellValue).toList();
  }
}
