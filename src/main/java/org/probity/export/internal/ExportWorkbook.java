package org.probity.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook (POI SXSSF: at most {@value #WINDOW} rows per sheet in memory, the rest in
 * compressed temporary files that {@link #close()} deletes). Cells are typed: text, numbers, dates.
 *
 * <p>Text that a spreadsheet could take for a formula (starting with {@code = + - @}, tab or
 * carriage return) is written as a text cell, prefixed with an apostrophe and styled "quote
 * prefixed", so that it stays text even when edited, copied or saved as CSV.
 *
 * <p>Each data sheet keeps a SHA-256 of its rows, header included: each cell as text (dates
 * {@code yyyy-MM-dd'T'HH:mm:ss}, numbers in plain decimal notation, empty cells empty), cells
 * separated by a tab, each row ended by a line feed.
 */
final class ExportWorkbook implements AutoCloseable {

  static final int WINDOW = 100;
  static final DateTimeFormatter HASH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final int MAX_CELL_CHARS = 32_000;
  /** Longs up to 2^53 survive the trip through a double (a cell's number) unchanged. */
  private static final long MAX_EXACT_LONG = 1L << 53;

  private final SXSSFWorkbook workbook;
  private final CellStyle header;
  private final CellStyle date;
  private final CellStyle number;
  private final CellStyle text;
  private final CellStyle quoted;
  private final ZoneId zone;

  ExportWorkbook(ZoneId zone) {
    this.zone = zone;
    this.workbook = new SXSSFWorkbook(null, WINDOW, true, false);
    Font bold = workbook.createFont();
    bold.setBold(true);
    header = workbook.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    header.setWrapText(true);
    date = workbook.createCellStyle();
    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
    number = workbook.createCellStyle();
    number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
    text = workbook.createCellStyle();
    text.setDataFormat(workbook.createDataFormat().getFormat("@"));
    quoted = workbook.createCellStyle();
    quoted.setDataFormat(workbook.createDataFormat().getFormat("@"));
    quoted.setQuotePrefixed(true);
  }

  /** A column: header and width in characters. */
  record Column(String header, int width) {}

  DataSheet sheet(String name, List<Column> columns) {
    return new DataSheet(workbook.createSheet(name), columns);
  }

  /** The Summary sheet: created first so that it is the first sheet, filled last. */
  Summary summary() {
    return new Summary(workbook.createSheet("Summary"));
  }

  /** Label and value rows, then a table of the data sheets. */
  final class Summary {
    private final SXSSFSheet sheet;
    private int next;

    private Summary(SXSSFSheet sheet) {
      this.sheet = sheet;
      sheet.setColumnWidth(0, 30 * 256);
      sheet.setColumnWidth(1, 40 * 256);
      sheet.setColumnWidth(2, 70 * 256);
    }

    void title(String... headers) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < headers.length; i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(headers[i]);
        cell.setCellStyle(header);
      }
    }

    void line(Object... values) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(i);
        if (value instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDateTime t) {
          cell.setCellValue(t.truncatedTo(ChronoUnit.SECONDS));
          cell.setCellStyle(date);
        } else {
          String safe = safeText(value.toString());
          cell.setCellValue(safe);
          cell.setCellStyle(text);
        }
      }
    }

    void blank() {
      next++;
    }
  }

  void write(OutputStream out) throws IOException {
    workbook.write(out);
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // closing a streaming workbook only releases resources
    } finally {
      workbook.dispose(); // deletes the temporary files
    }
  }

  /** Text safe from formula evaluation. */
  static String safeText(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() <= MAX_CELL_CHARS && !hasControlCharacters(value)) {
      // the common case: nothing to replace or cut, no copy (this runs for every text cell)
      return isFormulaLike(value) ? "'" + value : value;
    }
    StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_CELL_CHARS) + 1);
    for (int i = 0; i < value.length() && clean.length() < MAX_CELL_CHARS; i++) {
      char c = value.charAt(i);
      // characters XML 1.0 cannot carry
      clean.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
    }
    String result = clean.toString();
    return isFormulaLike(result) ? "'" + result : result;
  }

  private static boolean hasControlCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < 0x20) {
        return true;
      }
    }
    return false;
  }

  static boolean isFormulaLike(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  }

  /** A data sheet: header row styled and frozen, auto-filter, typed cells, a running hash. */
  final class DataSheet {
    private final SXSSFSheet sheet;
    private final int columns;
    private final MessageDigest digest;
    private int next;

    private DataSheet(SXSSFSheet sheet, List<Column> columns) {
      this.sheet = sheet;
      this.columns = columns.size();
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      Row row = sheet.createRow(next++);
      StringBuilder canonical = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(columns.get(i).header());
        cell.setCellStyle(header);
        sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        canonical.append(i == 0 ? "" : "\t").append(columns.get(i).header());
      }
      hash(canonical);
      sheet.createFreezePane(0, 1);
    }

    /** Appends a row; values may be String, Number, Date, Instant, LocalDate, LocalDateTime or null. */
    void add(Object... values) {
      Row row = sheet.createRow(next++);
      StringBuilder canonical = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          canonical.append('\t');
        }
        canonical.append(write(row, i, values[i]));
      }
      for (int i = values.length; i < columns; i++) {
        canonical.append('\t');
      }
      hash(canonical);
    }

    private String write(Row row, int column, Object value) {
      if (value == null) {
        return "";
      }
      LocalDateTime time = dateTime(value);
      if (time != null) {
        Cell cell = row.createCell(column);
        cell.setCellValue(time);
        cell.setCellStyle(date);
        return HASH_DATE.format(time);
      }
      if (value instanceof Number n) {
        double d = n.doubleValue();
        Cell cell = row.createCell(column);
        cell.setCellValue(d);
        if (!(n instanceof Long || n instanceof Integer)) {
          cell.setCellStyle(number);
        }
        // whole numbers (sequences, counts) as the BigDecimal form would write them, without its cost
        return (n instanceof Long || n instanceof Integer) && Math.abs(n.longValue()) <= MAX_EXACT_LONG
            ? Long.toString(n.longValue())
            : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      }
      String text = safeText(value.toString());
      Cell cell = row.createCell(column);
      cell.setCellValue(text);
      cell.setCellStyle(text.startsWith("'") && text.length() > 1 && isFormulaLike(text.substring(1)) ? quoted : ExportWorkbook.this.text);
      return text;
    }

    private LocalDateTime dateTime(Object value) {
      LocalDateTime time = null;
      if (value instanceof Date d) {
        time = LocalDateTime.ofInstant(d.toInstant(), zone);
      } else if (value instanceof Instant i) {
        time = LocalDateTime.ofInstant(i, zone);
      } else if (value instanceof LocalDateTime l) {
        time = l;
      } else if (value instanceof LocalDate d) {
        time = d.atStartOfDay();
      }
      return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    private void hash(CharSequence canonical) {
      digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }

    /** Whether a row is still held in memory (rows beyond the window are on disk). */
    boolean inMemory(int rowIndex) {
      return sheet.getRow(rowIndex) != null;
    }

    /** Data rows written (the header not counted). */
    int rows() {
      return next - 1;
    }

    /** Sets the auto-filter over what was written and answers the sheet's hash. */
    String finish() {
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, columns - 1));
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
