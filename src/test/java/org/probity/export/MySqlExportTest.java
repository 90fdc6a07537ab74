package org.probity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The exports' queries on a real MySQL-compatible server. */
@MySqlTest
class MySqlExportTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void casesTasksAndAuditTrailExportOnMySql() throws Exception {
    String deploymentId =
        repositoryService.createDeployment().name("export-probe").addClasspathResource("bpmn/export-probe.bpmn").deploy().getId();
    try {
      for (int i = 1; i <= 3; i++) {
        runtimeService.startProcessInstanceByKey("export-probe", "MYS-2026-00000" + i, Map.of("dueDate", new Date()));
      }
      HttpSession admin =
          HttpSession.basic(port, System.getenv("PROBITY_ADMIN_USERNAME"), System.getenv("PROBITY_ADMIN_PASSWORD"));
      String range = "?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
      try (XSSFWorkbook cases = Workbooks.open(Workbooks.download(admin, "/api/exports/cases.xlsx" + range + "&process=export-probe"))) {
        assertThat(cases.getSheet("Cases").getLastRowNum()).isEqualTo(3);
        assertThat(Workbooks.summary(cases).get("Cases")).containsExactly(3.0, Workbooks.hash(cases.getSheet("Cases")));
        assertThat(cases.getSheet("Cases").getRow(1).getCell(7).getStringCellValue()).startsWith("COMPLAINANT-");
      }
      try (XSSFWorkbook tasks = Workbooks.open(Workbooks.download(admin, "/api/exports/tasks.xlsx" + range + "&process=export-probe"))) {
        assertThat(tasks.getSheet("Tasks").getLastRowNum()).isEqualTo(3);
        assertThat(tasks.getSheet("Tasks").getRow(1).getCell(3).getStringCellValue()).isEqualTo("investigators");
      }
      try (XSSFWorkbook audit = Workbooks.open(Workbooks.download(admin, "/api/exports/audit-trail.xlsx" + range))) {
        var entries = audit.getSheet("Audit entries");
        assertThat(entries.getLastRowNum()).isPositive();
        assertThat(Workbooks.summary(audit).get("Audit entries"))
            .containsExactly((double) entries.getLastRowNum(), Workbooks.hash(entries));
      }
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }
}
