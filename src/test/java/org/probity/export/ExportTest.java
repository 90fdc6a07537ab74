package org.probity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.audit.AuditTrail;
import org.probity.common.PersonalDataCipher;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cases and tasks workbooks, read back with POI: sheets, headers, types, hashes, redaction, access. */
@ProbityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

  static final String FORMULA_KEY = "=HYPERLINK(\"http://evil.example\",\"x\")";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataCipher cipher;
  String deploymentId;
  final String today = LocalDate.now().toString();
  HttpSession auditor;

  @BeforeAll
  void casesOfTheProbeProcess() {
    deploymentId =
        repositoryService.createDeployment().name("export-probe").addClasspathResource("bpmn/export-probe.bpmn").deploy().getId();
    Date past = Date.from(LocalDate.now().minusDays(2).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Date future = Date.from(LocalDate.now().plusDays(20).atStartOfDay(ZoneId.systemDefault()).toInstant());
    String closed = runtimeService.startProcessInstanceByKey("export-probe", "EXP-2026-000001", Map.of("dueDate", past)).getId();
    runtimeService.setVariable(closed, "outcome", "sustained");
    taskService.complete(taskService.createTaskQuery().processInstanceId(closed).singleResult().getId());
    String cancelled = runtimeService.startProcessInstanceByKey("export-probe", "EXP-2026-000002", Map.of("dueDate", future)).getId();
    runtimeService.deleteProcessInstance(cancelled, "withdrawn");
    runtimeService.startProcessInstanceByKey("export-probe", FORMULA_KEY, Variables.createVariables().putValue("dueDate", past));
    ExportProbeContributions.findingCase = "EXP-2026-000001";
    auditor = HttpSession.basic(port, "auditor", "demo");
  }

  @AfterAll
  void undeploy() {
    ExportProbeContributions.findingCase = null;
    repositoryService.deleteDeployment(deploymentId, true);
  }

  String query(String extra) {
    return "?from=" + today + "&to=" + today + "&process=export-probe" + extra;
  }

  @Test
  void casesWorkbookHasSummaryCasesAndDecisionsWithHashesTypesAndRedaction() throws Exception {
    long before = trail.head().sequence();
    try (XSSFWorkbook workbook = Workbooks.open(Workbooks.download(auditor, "/api/exports/cases.xlsx" + query("")))) {
      assertThat(Workbooks.sheetNames(workbook)).containsExactly("Summary", "Cases", "Decisions and findings");
      XSSFSheet cases = workbook.getSheet("Cases");
      assertThat(Workbooks.header(cases))
          .containsExactly("Reference", "Process", "Status", "Opened", "Closed", "Duration (days)", "Outcome", "Complainant", "Allegation");
      assertThat(cases.getLastRowNum()).isEqualTo(3);
      Workbooks.assertFrozenHeaderAndFilter(cases);
      Workbooks.assertNoFormulas(workbook);

      Row closed = rowWithReference(cases, "EXP-2026-000001");
      assertThat(closed.getCell(2).getStringCellValue()).isEqualTo("closed");
      assertThat(closed.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(closed.getCell(3))).isTrue();
      assertThat(DateUtil.isCellDateFormatted(closed.getCell(4))).isTrue();
      assertThat(closed.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(closed.getCell(6).getStringCellValue()).isEqualTo("sustained");
      // personal: a stable pseudonym, never the name
      assertThat(closed.getCell(7).getStringCellValue())
          .isEqualTo(cipher.pseudonym("complainant", ExportProbeContributions.complainantOf("EXP-2026-000001")))
          .doesNotContain("Complainant of");
      // formula-like values stay text, prefixed
      assertThat(closed.getCell(8).getCellType()).isEqualTo(CellType.STRING);
      assertThat(closed.getCell(8).getStringCellValue()).isEqualTo("'+SUM(1,2)");
      assertThat(closed.getCell(8).getCellStyle().getQuotePrefixed()).isTrue();
      Row cancelled = rowWithReference(cases, "EXP-2026-000002");
      // deleted through the API: Camunda's history calls it terminated, the reason says why
      assertThat(cancelled.getCell(2).getStringCellValue()).isIn("cancelled", "terminated");
      assertThat(cancelled.getCell(6).getStringCellValue()).isEqualTo("withdrawn");
      Row formula = rowWithReference(cases, "'" + FORMULA_KEY);
      assertThat(formula.getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(formula.getCell(2).getStringCellValue()).isEqualTo("open");
      assertThat(formula.getCell(4)).isNull();

      XSSFSheet decisions = workbook.getSheet("Decisions and findings");
      assertThat(Workbooks.header(decisions))
          .containsExactly("Case", "Process", "Kind", "Decision or finding", "Outcome", "Decided", "Decided by", "Reasons");
      assertThat(decisions.getLastRowNum()).isEqualTo(1);
      assertThat(decisions.getRow(1).getCell(4).getStringCellValue()).isEqualTo("sustained");
      assertThat(decisions.getRow(1).getCell(7).getStringCellValue()).startsWith("REASONS-").doesNotContain("Jane");

      Map<String, List<Object>> summary = Workbooks.summary(workbook);
      assertThat(summary.get("Exported by").get(0)).isEqualTo("auditor");
      assertThat(summary.get("Process").get(0)).isEqualTo("export-probe");
      assertThat(summary.get("Personal data").get(0)).isEqualTo("pseudonymised");
      assertThat(summary.get("Cases")).containsExactly(3.0, Workbooks.hash(cases));
      assertThat(summary.get("Decisions and findings")).containsExactly(1.0, Workbooks.hash(decisions));
      // the head at export time: the export's own audit entry
      long headSequence = ((Double) summary.get("Audit chain head sequence").get(0)).longValue();
      assertThat(headSequence).isGreaterThan(before);
      String headHash = (String) summary.get("Audit chain head hash").get(0);
      assertThat(jdbc.queryForObject("select entry_hash from audit_entry where seq = ?", String.class, headSequence)).isEqualTo(headHash);
      assertThat(jdbc.queryForMap("select actor, action_code, subject, details from audit_entry where seq = ?", headSequence))
          .containsEntry("ACTOR", "auditor")
          .containsEntry("ACTION_CODE", "EXPORT")
          .containsEntry("SUBJECT", "cases.xlsx");
    }
  }

  @Test
  void aFullExportNeedsAnAuditorAndAReasonAndIsAudited() throws Exception {
    String reason = "Court order 2026/114 requires the complainants' names";
    String full = "/api/exports/cases.xlsx" + query("&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    try (XSSFWorkbook workbook = Workbooks.open(Workbooks.download(auditor, full))) {
      Row closed = rowWithReference(workbook.getSheet("Cases"), "EXP-2026-000001");
      assertThat(closed.getCell(7).getStringCellValue()).isEqualTo(ExportProbeContributions.complainantOf("EXP-2026-000001"));
      assertThat(workbook.getSheet("Decisions and findings").getRow(1).getCell(7).getStringCellValue()).isEqualTo("Witness Jane Roe saw it");
      Map<String, List<Object>> summary = Workbooks.summary(workbook);
      assertThat(summary.get("Personal data").get(0)).isEqualTo("in clear (full export)");
      assertThat(summary.get("Reason for the full export").get(0)).isEqualTo(reason);
    }
    Map<String, Object> entry =
        jdbc.queryForMap("select actor, action_code, details from audit_entry where seq = ?", trail.head().sequence());
    assertThat(entry).containsEntry("ACTOR", "auditor").containsEntry("ACTION_CODE", "EXPORT_FULL");
    assertThat((String) entry.get("DETAILS")).contains(reason.replace("'", "'"));
    // process administrators export, but never personal data in clear
    HttpSession admin = HttpSession.basic(port, "admin", "demo");
    assertThat(Workbooks.download(admin, full).statusCode()).isEqualTo(403);
    assertThat(Workbooks.download(admin, "/api/exports/cases.xlsx" + query("")).statusCode()).isEqualTo(200);
    assertThat(Workbooks.download(auditor, "/api/exports/cases.xlsx" + query("&reason=because")).statusCode()).isEqualTo(400);
  }

  @Test
  void tasksWorkbookHasCandidateGroupsDueDatesAndOverdue() throws Exception {
    try (XSSFWorkbook workbook = Workbooks.open(Workbooks.download(auditor, "/api/exports/tasks.xlsx" + query("")))) {
      assertThat(Workbooks.sheetNames(workbook)).containsExactly("Summary", "Tasks");
      XSSFSheet tasks = workbook.getSheet("Tasks");
      assertThat(Workbooks.header(tasks))
          .containsExactly(
              "Case", "Process", "Task", "Candidate groups", "Assignee", "Created", "Due", "Completed", "Duration (hours)", "Overdue");
      assertThat(tasks.getLastRowNum()).isEqualTo(3);
      Workbooks.assertFrozenHeaderAndFilter(tasks);
      Workbooks.assertNoFormulas(workbook);
      Row done = rowWithReference(tasks, "EXP-2026-000001");
      assertThat(done.getCell(2).getStringCellValue()).isEqualTo("Review");
      assertThat(done.getCell(3).getStringCellValue()).isEqualTo("investigators");
      assertThat(DateUtil.isCellDateFormatted(done.getCell(5))).isTrue();
      assertThat(DateUtil.isCellDateFormatted(done.getCell(6))).isTrue();
      assertThat(DateUtil.isCellDateFormatted(done.getCell(7))).isTrue();
      assertThat(done.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(done.getCell(9).getStringCellValue()).isEqualTo("yes");
      assertThat(rowWithReference(tasks, "EXP-2026-000002").getCell(9).getStringCellValue()).isEqualTo("no");
      assertThat(rowWithReference(tasks, "'" + FORMULA_KEY).getCell(9).getStringCellValue()).isEqualTo("yes");
      assertThat(Workbooks.summary(workbook).get("Tasks")).containsExactly(3.0, Workbooks.hash(tasks));
    }
  }

  @Test
  void onlyAuditorsAndProcessAdminsExport() {
    for (String path : List.of("/api/exports/cases.xlsx", "/api/exports/tasks.xlsx", "/api/exports/audit-trail.xlsx")) {
      String url = path + "?from=" + today + "&to=" + today;
      assertThat(Workbooks.download(HttpSession.anonymous(port), url).statusCode()).as(path).isEqualTo(401);
      assertThat(Workbooks.download(HttpSession.basic(port, "investigator", "demo"), url).statusCode()).as(path).isEqualTo(403);
      assertThat(Workbooks.download(HttpSession.basic(port, "intake", "demo"), url).statusCode()).as(path).isEqualTo(403);
      assertThat(Workbooks.download(auditor, url).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/exports").statusCode()).isEqualTo(403);
  }

  @Test
  void badParametersAreAnsweredWith400NamingThem() {
    Map<String, String> bad =
        Map.of(
            "?to=" + today, "from",
            "?from=yesterday&to=" + today, "from",
            "?from=" + today, "to",
            "?from=2026-05-02&to=2026-05-01", "to",
            "?from=2020-01-01&to=2026-01-01", "to",
            "?from=" + today + "&to=" + today + "&process=no-such-process", "process",
            "?from=" + today + "&to=" + today + "&reason=short", "reason");
    bad.forEach(
        (params, field) -> {
          var response = auditor.get("/api/exports/tasks.xlsx" + params);
          assertThat(response.statusCode()).as(params).isEqualTo(400);
          assertThat(response.body()).as(params).contains("\"" + field + "\"");
        });
  }

  @Test
  void theAuditorsPageOffersTheExports() {
    HttpSession session = HttpSession.loggedIn(port, "auditor", "demo");
    String page = session.get("/exports").body();
    assertThat(page)
        .contains("action=\"/api/exports/cases.xlsx\"")
        .contains("formaction=\"/api/exports/tasks.xlsx\"")
        .contains("formaction=\"/api/exports/audit-trail.xlsx\"")
        .contains("<label for=\"from\"")
        .contains("<option value=\"export-probe\">")
        .contains("name=\"reason\"");
    assertThat(session.get("/").body()).contains("href=\"/exports\"");
    assertThat(HttpSession.loggedIn(port, "investigator", "demo").get("/").body()).doesNotContain("href=\"/exports\"");
  }

  static Row rowWithReference(XSSFSheet sheet, String reference) {
    for (Row row : sheet) {
      Cell cell = row.getCell(0);
      if (row.getRowNum() > 0 && cell != null && reference.equals(cell.getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("No row for " + reference);
  }
}
