package org.probity.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.probity.export.internal.ExportWorkbook.Column;
import org.probity.export.internal.ExportWorkbook.DataSheet;

/** The streaming workbook on its own: a bounded row window, safe text, typed cells. */
class ExportWorkbookTest {

  @Test
  void onlyTheRowWindowStaysInMemory() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWorkbook workbook = new ExportWorkbook(ZoneId.of("UTC"))) {
      workbook.summary();
      DataSheet sheet = workbook.sheet("Rows", List.of(new Column("n", 10), new Column("text", 20)));
      for (int i = 0; i < 20_000; i++) {
        sheet.add(i, "row " + i);
        assertThat(sheet.inMemory(i + 1)).isTrue();
        if (i > ExportWorkbook.WINDOW) {
          assertThat(sheet.inMemory(i + 1 - ExportWorkbook.WINDOW)).as("row %d flushed", i).isFalse();
        }
      }
      assertThat(sheet.rows()).isEqualTo(20_000);
      sheet.finish();
      workbook.write(out);
    }
    try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(read.getSheet("Rows").getLastRowNum()).isEqualTo(20_000);
      assertThat(read.getSheet("Rows").getRow(20_000).getCell(1).getStringCellValue()).isEqualTo("row 19999");
    }
  }

  @Test
  void formulaLikeTextStaysTextAndOtherTypesAreReal() throws Exception {
    List<String> risky = List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWorkbook workbook = new ExportWorkbook(ZoneId.of("UTC"))) {
      DataSheet sheet = workbook.sheet("Values", List.of(new Column("value", 20)));
      risky.forEach(sheet::add);
      sheet.add("plain");
      sheet.add(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 890_000_000));
      sheet.add(2.5);
      sheet.add("bad\u0000char");
      sheet.finish();
      workbook.write(out);
    }
    try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = read.getSheet("Values");
      for (int i = 0; i < risky.size(); i++) {
        var cell = sheet.getRow(i + 1).getCell(0);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo("'" + risky.get(i));
        assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
      }
      assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).isEqualTo("plain");
      assertThat(sheet.getRow(9).getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 4, 5, 6, 7));
      assertThat(sheet.getRow(10).getCell(0).getNumericCellValue()).isEqualTo(2.5);
      assertThat(sheet.getRow(11).getCell(0).getStringCellValue()).isEqualTo("bad\uFFFDchar");
    }
  }
}
