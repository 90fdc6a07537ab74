package org.probity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.probity.support.HttpSession;

/** Downloads an export and reads it back with POI, independently of the code that wrote it. */
final class Workbooks {

  private static final DateTimeFormatter HASH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private Workbooks() {}

  static HttpResponse<byte[]> download(HttpSession session, String path) {
    try {
      return HttpClient.newHttpClient().send(session.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static XSSFWorkbook open(HttpResponse<byte[]> response) throws IOException {
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
  }

  static List<String> sheetNames(XSSFWorkbook workbook) {
    List<String> names = new ArrayList<>();
    workbook.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  static List<String> header(Sheet sheet) {
    List<String> header = new ArrayList<>();
    sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
    return header;
  }

  /** Summary lines: label (column A) to value (column B), and for sheet lines the hash (C). */
  static Map<String, List<Object>> summary(XSSFWorkbook workbook) {
    Map<String, List<Object>> lines = new LinkedHashMap<>();
    for (Row row : workbook.getSheet("Summary")) {
      Cell label = row.getCell(0);
      if (label == null) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      for (int i = 1; i < 3; i++) {
        Cell cell = row.getCell(i);
        values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue());
      }
      lines.put(label.getStringCellValue(), values);
    }
    return lines;
  }

  /** The SHA-256 of a sheet's rows as the Summary documents it. */
  static String hash(Sheet sheet) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    int columns = sheet.getRow(0).getLastCellNum();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append('\t');
        }
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
          continue;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
          line.append(
              DateUtil.isCellDateFormatted(cell)
                  ? HASH_DATE.format(cell.getLocalDateTimeCellValue())
                  : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
        } else {
          line.append(cell.getStringCellValue());
        }
      }
      line.append('\n');
      digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void assertNoFormulas(XSSFWorkbook workbook) {
    for (Sheet sheet : workbook) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
  }

  static void assertFrozenHeaderAndFilter(XSSFSheet sheet) {
    assertThat(sheet.getPaneInformation()).isNotNull();
    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    assertThat(sheet.getCTWorksheet().getSheetViews().getSheetViewArray(0).getPane().getYSplit()).isEqualTo(1.0);
    assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
    assertThat(sheet.getWorkbook().getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
    assertThat(sheet.getColumnWidth(0)).isGreaterThan(8 * 256);
  }
}
