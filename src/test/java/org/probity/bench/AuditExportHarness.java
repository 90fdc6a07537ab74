package org.probity.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.probity.audit.AuditTrail;
import org.probity.audit.internal.AuditTrails;
import org.probity.export.internal.AuditTrailWorkbooks;

/**
 * The export benchmark's harness (issue 8, "Speed and memory"; issue 10, item 4): seeds audit
 * entries straight into the database (JDBC batches, a valid hash chain), then times, side by side,
 * Probity's audit-trail export of one day (the endpoint's code: paged reads, SXSSF, the sheet hash)
 * and the library's floor: POI's SXSSF writing the same rows, same columns, cell types, styles and
 * row window, from compact in-memory arrays prepared before timing. Both write to a stream that
 * only counts bytes.
 *
 * <p>Database: H2 in a file of its own under {@code target/} by default; MySQL/MariaDB when
 * {@code SPRING_DATASOURCE_URL} is set (an empty database: the harness refuses to add to a trail).
 */
final class AuditExportHarness implements AutoCloseable {

  /** The day of the warm-up entries and the day of the measured ones. */
  static final LocalDate WARM_UP_DAY = LocalDate.of(2026, 1, 14);
  static final LocalDate DAY = LocalDate.of(2026, 1, 15);

  private static final int BATCH = 5_000;
  private static final ZoneId ZONE = ZoneId.systemDefault(); // the export's zone

  private static final String[] ACTORS = {"intake", "investigator", "investigator2", "panel1", "chair", "auditor", "admin", "system"};
  private static final String[] ROLES = {
    "intake-officers", "investigators", "investigators", "review-panel", "review-panel, panel-chairs", "auditors", "process-admins", ""
  };
  private static final String[] ACTIONS = {
    "PROCESS_STARTED", "TASK_CLAIMED", "TASK_COMPLETED", "CASE_READ", "DECISION_RECORDED", "DOCUMENT_DOWNLOADED", "LOGIN", "EXPORT"
  };
  private static final String[] DETAILS = new String[64];
  private static final String[] ADDRESSES = new String[256];

  static {
    String[] tasks = {"UserTask_TriageComplaint", "UserTask_Investigate", "UserTask_ReviewFindings", "UserTask_VetCandidate"};
    String[] outcomes = {"referred", "substantiated", "not substantiated", "withdrawn"};
    for (int i = 0; i < DETAILS.length; i++) {
      DETAILS[i] =
          "{\"task\":\"" + tasks[i % 4] + "\",\"outcome\":\"" + outcomes[(i / 4) % 4] + "\",\"values\":{\"severity\":\""
              + (i % 3 == 0 ? "high" : "low") + "\",\"piiComplainantName\":\"***\",\"dueInDays\":" + (i % 30) + "}}";
    }
    for (int i = 0; i < ADDRESSES.length; i++) {
      ADDRESSES[i] = "10.20." + (i / 16) + "." + (i * 7 % 250 + 1);
    }
  }

  private final boolean mysql;
  private final HikariDataSource dataSource;
  private final String seedUrl;
  private final String user;
  private final String password;
  private final AuditTrail trail;
  private final AuditTrailWorkbooks workbooks;

  private AuditExportHarness(boolean mysql, String url, String seedUrl, String user, String password) {
    this.mysql = mysql;
    this.seedUrl = seedUrl;
    this.user = user;
    this.password = password;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    if (mysql) {
      // as in application-mysql.yaml
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    this.dataSource = new HikariDataSource(config);
    this.trail = AuditTrails.on(dataSource);
    this.workbooks = new AuditTrailWorkbooks(dataSource, trail);
  }

  /** MySQL/MariaDB when SPRING_DATASOURCE_URL is set, else a fresh H2 file database in {@code dir}. */
  static AuditExportHarness fromEnvironment(Path dir) throws IOException {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    if (url != null && !url.isBlank()) {
      String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
      String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
      String seed = url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
      return new AuditExportHarness(true, url, seed, user, password);
    }
    return h2File(dir);
  }

  /** A fresh H2 file database in {@code dir} (its old files deleted), as the embedded app runs it. */
  static AuditExportHarness h2File(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith("bench")) {
          Files.delete(file);
        }
      }
    }
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench");
    return new AuditExportHarness(false, url, url, "sa", "");
  }

  /** An H2 database in memory (the smoke run). */
  static AuditExportHarness h2Memory(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    return new AuditExportHarness(false, url, url, "sa", "");
  }

  String database() {
    return mysql ? "MariaDB/MySQL" : "H2";
  }

  DataSource dataSource() {
    return dataSource;
  }

  AuditTrail trail() {
    return trail;
  }

  /** The audit tables (Probity's own migrations up to the audit trail), then an empty-trail check. */
  void createSchema() throws SQLException {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + (mysql ? "mysql" : "h2"))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target(mysql ? "2.9" : "2") // the audit tables (and, on MySQL, their append-only triggers)
        .load()
        .migrate();
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from audit_entry")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException("The benchmark needs an empty audit trail: use a database of its own");
      }
    }
  }

  // ---- seeding -----------------------------------------------------------------------------

  /** What the floor needs to write the rows of one day again: compact, not one object per row. */
  static final class Rows {
    final int count;
    final long firstSequence;
    final double[] excelTimes;
    final byte[] hashes; // 32 bytes per row; the previous hash of row i is the hash of row i-1
    final String firstPrevious;
    final String[] subjects; // one per 4 rows, formula-like ones included

    Rows(int count, long firstSequence, String firstPrevious) {
      this.count = count;
      this.firstSequence = firstSequence;
      this.firstPrevious = firstPrevious;
      this.excelTimes = new double[count];
      this.hashes = new byte[count * 32];
      this.subjects = new String[count / 4 + 1];
    }

    long bytes() {
      return excelTimes.length * 8L + hashes.length + subjects.length * 48L;
    }
  }

  static String subject(int i) {
    int n = i / 4;
    // now and then a value Excel would run as a formula: it must stay text
    return n % 997 == 13 ? "=HYPERLINK(\"http://example.invalid\",\"" + n + "\")" : "PCC-2026-" + (100_000 + n);
  }

  /** Seeds the warm-up day's entries and then the measured day's, continuing one valid chain. */
  Rows[] seed(int warmUpRows, int rows) throws SQLException {
    Rows warmUp = seed(WARM_UP_DAY, warmUpRows, 1, AuditTrails.GENESIS);
    String last = warmUp.count == 0 ? AuditTrails.GENESIS : HexFormat.of().formatHex(warmUp.hashes, (warmUp.count - 1) * 32, warmUp.count * 32);
    Rows day = seed(DAY, rows, warmUp.count + 1, last);
    return new Rows[] {warmUp, day};
  }

  private Rows seed(LocalDate day, int count, long firstSequence, String previous) throws SQLException {
    Rows rows = new Rows(count, firstSequence, previous);
    long start = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
    long step = Math.max(1, 86_000_000L / Math.max(1, count)); // spread over (most of) the day
    HexFormat hex = HexFormat.of();
    for (int i = 0; i <= count / 4; i++) {
      rows.subjects[i] = subject(i * 4);
    }
    try (Connection c = java.sql.DriverManager.getConnection(seedUrl, user, password)) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into audit_entry (seq, recorded_at, actor, actor_roles, action_code, subject, details, client_address, prev_hash, entry_hash) "
                  + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          long seq = firstSequence + i;
          long time = start + i * step;
          int a = i % ACTORS.length;
          String action = ACTIONS[(i / 3) % ACTIONS.length];
          String subject = rows.subjects[i / 4];
          String details = DETAILS[i % DETAILS.length];
          String address = ADDRESSES[i % ADDRESSES.length];
          String hash = AuditTrails.hash(seq, time, ACTORS[a], ROLES[a], action, subject, details, address, previous);
          System.arraycopy(hex.parseHex(hash), 0, rows.hashes, i * 32, 32);
          rows.excelTimes[i] = DateUtil.getExcelDate(LocalDateTime.ofInstant(Instant.ofEpochMilli(time), ZONE).truncatedTo(ChronoUnit.SECONDS));
          insert.setLong(1, seq);
          insert.setLong(2, time);
          insert.setString(3, ACTORS[a]);
          insert.setString(4, ROLES[a]);
          insert.setString(5, action);
          insert.setString(6, subject);
          insert.setString(7, details);
          insert.setString(8, address);
          insert.setString(9, previous);
          insert.setString(10, hash);
          insert.addBatch();
          previous = hash;
          if ((i + 1) % BATCH == 0 || i == count - 1) {
            insert.executeBatch();
            c.commit();
          }
        }
      }
      if (count > 0) {
        try (PreparedStatement head = c.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
          head.setLong(1, firstSequence + count - 1);
          head.setString(2, previous);
          head.executeUpdate();
        }
        c.commit();
      }
    }
    return rows;
  }

  // ---- the two contenders ------------------------------------------------------------------

  /** Probity's audit-trail export of the entries of {@code day}. */
  void probity(LocalDate day, OutputStream out) throws IOException {
    workbooks.write(day, day, out);
  }

  /**
   * The floor: POI's SXSSF writing the same rows with the export's settings (row window, compressed
   * temporary files, header style, column widths, frozen header, auto-filter, typed cells with the
   * same styles) from the compact arrays. Text is the same strings; no hashing, no database.
   */
  static void floor(Rows rows, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(null, AuditTrailWorkbooks.WINDOW, true, false);
    try {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      CellStyle quoted = workbook.createCellStyle();
      quoted.setDataFormat(workbook.createDataFormat().getFormat("@"));
      quoted.setQuotePrefixed(true);

      SXSSFSheet sheet = workbook.createSheet("Audit entries");
      Row top = sheet.createRow(0);
      for (int c = 0; c < AuditTrailWorkbooks.HEADERS.size(); c++) {
        Cell cell = top.createCell(c);
        cell.setCellValue(AuditTrailWorkbooks.HEADERS.get(c));
        cell.setCellStyle(header);
        sheet.setColumnWidth(c, AuditTrailWorkbooks.WIDTHS.get(c) * 256);
      }
      sheet.createFreezePane(0, 1);
      HexFormat hex = HexFormat.of();
      String previous = rows.firstPrevious;
      for (int i = 0; i < rows.count; i++) {
        int a = i % ACTORS.length;
        String hash = hex.formatHex(rows.hashes, i * 32, i * 32 + 32);
        String subject = rows.subjects[i / 4];
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue((double) (rows.firstSequence + i));
        Cell time = row.createCell(1);
        time.setCellValue(rows.excelTimes[i]);
        time.setCellStyle(date);
        text(row, 2, ACTORS[a], text);
        text(row, 3, ROLES[a], text);
        text(row, 4, ACTIONS[(i / 3) % ACTIONS.length], text);
        if (subject.charAt(0) == '=') {
          text(row, 5, "'" + subject, quoted);
        } else {
          text(row, 5, subject, text);
        }
        text(row, 6, DETAILS[i % DETAILS.length], text);
        text(row, 7, ADDRESSES[i % ADDRESSES.length], text);
        text(row, 8, previous, text);
        text(row, 9, hash, text);
        previous = hash;
      }
      sheet.setAutoFilter(new CellRangeAddress(0, rows.count, 0, AuditTrailWorkbooks.HEADERS.size() - 1));
      workbook.write(out);
    } finally {
      workbook.close();
      workbook.dispose();
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  // ---- measuring ---------------------------------------------------------------------------

  /** One timed run: seconds, bytes written, peak heap used during the run. */
  record Run(String what, double seconds, long bytes, long peakHeapBytes) {}

  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  static Run time(String what, Writer writer) throws IOException {
    System.gc();
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    CountingStream out = new CountingStream();
    long start = System.nanoTime();
    try {
      writer.write(out);
    } finally {
      sampler.stop = true;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Run(what, seconds, out.count, sampler.peak);
  }

  /** The highest heap use seen while a run lasts, sampled every 5 ms (MemoryMXBean). */
  private static final class HeapSampler extends Thread {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    volatile boolean stop;
    volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!stop) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Discards what is written, counting the bytes. */
  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
