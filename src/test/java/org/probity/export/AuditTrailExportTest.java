package org.probity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.probity.audit.AuditTrail;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail workbook with 50,000 entries and more: every entry of the day, in sequence order,
 * hashes that match, formula-like values as text; a client that hangs up leaves no temporary files.
 */
@ProbityTest
class AuditTrailExportTest {

  static final int ENTRIES = 50_000;

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  void atLeast(int entries) {
    long today = jdbc.queryForObject("select count(*) from audit_entry where subject like 'BULK-%'", Long.class);
    if (today >= entries) {
      return;
    }
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    for (int batch = 0; batch < entries / 5_000; batch++) {
      int b = batch;
      tx.executeWithoutResult(
          s -> {
            for (int i = 0; i < 5_000; i++) {
              trail.record("TEST_BULK", "BULK-" + (b * 5_000 + i), Map.of("note", i % 1000 == 0 ? "=1+1" : "entry " + i));
            }
          });
    }
  }

  @Test
  void fiftyThousandEntriesStreamIntoAVerifiableWorkbook() throws Exception {
    atLeast(ENTRIES);
    String today = LocalDate.now().toString();
    HttpSession auditor = HttpSession.basic(port, "auditor", "demo");
    try (XSSFWorkbook workbook =
        Workbooks.open(Workbooks.download(auditor, "/api/exports/audit-trail.xlsx?from=" + today + "&to=" + today))) {
      assertThat(Workbooks.sheetNames(workbook)).containsExactly("Summary", "Audit entries");
      XSSFSheet entries = workbook.getSheet("Audit entries");
      assertThat(Workbooks.header(entries))
          .containsExactly("Sequence", "Time", "Actor", "Roles", "Action", "Subject", "Details", "Client address", "Previous hash", "Hash");
      Map<String, List<Object>> summary = Workbooks.summary(workbook);
      long head = ((Double) summary.get("Audit chain head sequence").get(0)).longValue();
      long expected = jdbc.queryForObject("select count(*) from audit_entry where seq <= ?", Long.class, head);
      // every entry of the test run was written today (the suite starts on an empty database)
      assertThat(entries.getLastRowNum()).isEqualTo(expected).isGreaterThanOrEqualTo(ENTRIES);
      assertThat(summary.get("Audit entries")).containsExactly((double) expected, Workbooks.hash(entries));
      Workbooks.assertFrozenHeaderAndFilter(entries);
      Workbooks.assertNoFormulas(workbook);
      Row first = entries.getRow(1);
      assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
      assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
      Row last = entries.getRow(entries.getLastRowNum());
      assertThat((long) last.getCell(0).getNumericCellValue()).isEqualTo(head);
      assertThat(last.getCell(9).getStringCellValue()).isEqualTo(summary.get("Audit chain head hash").get(0));
      // each row's previous hash is the row above's hash
      for (int r = 2; r <= entries.getLastRowNum(); r += 997) {
        assertThat(entries.getRow(r).getCell(8).getStringCellValue()).isEqualTo(entries.getRow(r - 1).getCell(9).getStringCellValue());
      }
    }
  }

  @Test
  void aClientThatHangsUpStopsTheExportAndLeavesNoTemporaryFiles() throws Exception {
    atLeast(ENTRIES);
    Path poiFiles = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
    String today = LocalDate.now().toString();
    String credentials = Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/exports/audit-trail.xlsx?from=" + today + "&to=" + today + " HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] start = in.readNBytes(2048);
      assertThat(new String(start, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
    }
    // the server notices on its next writes, stops and disposes of the workbook
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline && sheetFiles(poiFiles) > 0) {
      Thread.sleep(200);
    }
    assertThat(sheetFiles(poiFiles)).isZero();
    // and the server is fine
    assertThat(HttpSession.basic(port, "auditor", "demo").get("/api/audit/verify").body()).contains("\"valid\":true");
  }

  static long sheetFiles(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("poi-sxssf-sheet")).count();
    }
  }
}
