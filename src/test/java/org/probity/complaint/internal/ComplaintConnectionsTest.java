package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.common.PersonalDataCipher;
import org.probity.complaint.ComplaintProcess;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelTesting;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaint handling connected to the other modules: the complaint records in vetting files, the
 * personnel registry's data of a registered officer, the case page and search, the exports, and the
 * audit trail of reads.
 */
@ProbityTest
class ComplaintConnectionsTest {

  static final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired ReceiptCodes receipts;
  @Autowired PersonnelRegistry registry;
  @Autowired PersonalDataCipher cipher;

  final List<String> vettingInstances = new ArrayList<>();

  @AfterEach
  void endRunningInstances() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
    vettingInstances.stream()
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtimeService.deleteProcessInstance(id, "test finished"));
  }

  // ------------------------------------------------------------------ helpers

  String register(Map<String, Object> values) throws Exception {
    HttpResponse<String> response = HttpSession.basic(port, "intake", "demo").postJson("/api/complaints", json.writeValueAsString(values));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).path("reference").asText();
  }

  String instanceOf(String reference) {
    return jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
  }

  void complete(String instance, String activity, Map<String, Object> values) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult().getId(), values);
  }

  /** Triaged to an internal investigation; answers the investigator the process assigned. */
  String triaged(String reference) {
    complete(instanceOf(reference), "UserTask_TriageComplaint", Map.of("route", "internal-investigation"));
    return (String) runtimeService.getVariable(instanceOf(reference), "investigator");
  }

  String sustainedSeriousComplaintAgainst(String serviceNumber) {
    Map<String, Object> values = ComplaintFixtures.anonymous("excessive-force", "serious");
    values.put("subjectServiceNumber", serviceNumber);
    String definition =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(definition, values);
    receipts.forget();
    complete(pi.getId(), "UserTask_TriageComplaint", Map.of("route", "independent-investigation"));
    complete(
        pi.getId(), "UserTask_InvestigateComplaint",
        Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "Video of the arrest."));
    complete(pi.getId(), "UserTask_CommitteeReview", Map.of("committeeDecision", "confirm", "committeeReasons", "Agreed."));
    return jdbc.queryForObject("select reference from complaint where process_instance_id = ?", String.class, pi.getId());
  }

  String registeredOfficer(String unit) {
    String sn = PersonnelTesting.serviceNumber("CX");
    registry.register(PersonnelTesting.person(sn, "Registered Officer", unit), "test");
    return sn;
  }

  void declarationsRecorded(String vettingInstance) {
    complete(
        vettingInstance, "UserTask_RecordDeclarations",
        Map.of("assetsDeclared", true, "priorServiceDeclared", true, "educationDeclared", true, "declarationNotes", "File D-1"));
  }

  // ------------------------------------------------------------------ 1. vetting files

  @Test
  void aVettingStartedByAVettingOfficerShowsTheOfficersComplaints() throws Exception {
    String sn = registeredOfficer("Central Police District");
    Map<String, Object> values = ComplaintFixtures.intake("threats", "medium");
    values.put("subjectServiceNumber", sn.toLowerCase());
    String reference = register(values);

    ProcessInstance vetting = runtimeService.startProcessInstanceByKey("personnel-vetting", Map.of("serviceNumber", sn, "reason", "recruitment"));
    vettingInstances.add(vetting.getId());
    declarationsRecorded(vetting.getId());
    assertThat(runtimeService.getVariable(vetting.getId(), "complaintRecordsAvailable")).isEqualTo(true);
    assertThat(runtimeService.getVariable(vetting.getId(), "complaintRecordCount")).isEqualTo(1);
    assertThat(runtimeService.getVariable(vetting.getId(), "complaintPatternFlag")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(vetting.getId(), "complaintRecords"))
        .isEqualTo(reference + " (" + LocalDate.now(java.time.ZoneOffset.UTC) + "): threats; findings: none yet")
        .doesNotContain(ComplaintFixtures.COMPLAINANT_NAME);
  }

  @Test
  void aVettingStartedByTheComplaintPatternMessageShowsTheSustainedComplaint() {
    String sn = registeredOfficer("Central Police District");
    String reference = sustainedSeriousComplaintAgainst(sn);
    assertThat(jdbc.queryForObject("select delivery from complaint_vetting_request where reference = ?", String.class, reference))
        .isEqualTo("started");
    ProcessInstance vetting =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("personnel-vetting").variableValueEquals("serviceNumber", sn).singleResult();
    vettingInstances.add(vetting.getId());
    assertThat(jdbc.queryForMap("select status, complaint_references from vetting_case where reference = ?", vetting.getBusinessKey()))
        .containsEntry("STATUS", "OPEN")
        .containsEntry("COMPLAINT_REFERENCES", reference);
    declarationsRecorded(vetting.getId());
    assertThat(runtimeService.getVariable(vetting.getId(), "complaintPatternFlag")).isEqualTo(true);
    assertThat((String) runtimeService.getVariable(vetting.getId(), "complaintRecords"))
        .isEqualTo(reference + " (" + LocalDate.now(java.time.ZoneOffset.UTC) + "): excessive-force; findings: sustained; pattern");
  }

  // ------------------------------------------------------------------ 4. personnel registry

  @Test
  void aRegisteredOfficerTakesTheRegistrysUnitForTheConflictRuleAndAnUnknownOneStaysAsEntered() throws Exception {
    // PD-1009 serves in Northern Police District (demo personnel); the complainant named another unit
    Map<String, Object> known = ComplaintFixtures.intake("threats", "medium");
    known.put("subjectServiceNumber", "pd-1009");
    known.put("subjectUnit", "Southern Police District");
    known.put("subjectInstitution", "military");
    String linked = register(known);
    assertThat(jdbc.queryForMap("select service_number, unit, institution from complaint_subject where reference = ?", linked))
        .containsEntry("SERVICE_NUMBER", "PD-1009")
        .containsEntry("UNIT", "Northern Police District")
        .containsEntry("INSTITUTION", "police");
    // investigator2 comes from Northern Police District: only investigator may take it
    assertThat(triaged(linked)).isEqualTo("investigator");
    JsonNode subject = json.readTree(HttpSession.basic(port, "intake", "demo").get("/api/complaints/" + linked).body()).path("subject");
    assertThat(subject.path("inPersonnelRegistry").asBoolean()).isTrue();
    assertThat(subject.path("unit").asText()).isEqualTo("Northern Police District");
    assertThat(subject.path("rank").asText()).isEqualTo(registry.find("PD-1009").orElseThrow().rank());

    Map<String, Object> unknown = ComplaintFixtures.intake("threats", "medium");
    unknown.put("subjectUnit", "Central Police District");
    String asEntered = register(unknown);
    assertThat(jdbc.queryForMap("select service_number, unit, rank_title from complaint_subject where reference = ?", asEntered))
        .containsEntry("SERVICE_NUMBER", unknown.get("subjectServiceNumber"))
        .containsEntry("UNIT", "Central Police District")
        .containsEntry("RANK_TITLE", "Sergeant");
    assertThat(triaged(asEntered)).isEqualTo("investigator2");
    assertThat(json.readTree(HttpSession.basic(port, "intake", "demo").get("/api/complaints/" + asEntered).body())
            .path("subject").path("inPersonnelRegistry").asBoolean())
        .isFalse();
  }

  // ------------------------------------------------------------------ 5. audit

  @Test
  void readingAComplaintThroughTheApiIsAuditedAndARefusedReadIsNot() throws Exception {
    String reference = register(ComplaintFixtures.intake("threats", "medium"));
    String countSql = "select count(*) from audit_entry where action_code = 'CASE_READ' and subject = ? and actor = ?";
    assertThat(jdbc.queryForObject(countSql, Integer.class, reference, "auditor")).isZero();
    assertThat(HttpSession.basic(port, "auditor", "demo").get("/api/complaints/" + reference).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject(countSql, Integer.class, reference, "auditor")).isEqualTo(1);
    assertThat(HttpSession.basic(port, "intake", "demo").get("/api/complaints/" + reference).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject(countSql, Integer.class, reference, "intake")).isEqualTo(1);
    assertThat(HttpSession.basic(port, "vetting", "demo").get("/api/complaints/" + reference).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject(countSql, Integer.class, reference, "vetting")).isZero();
  }

  // ------------------------------------------------------------------ 3. case page and search

  @Test
  void theCasePageShowsTheComplaintAndRelatedCasesAndSearchFindsThemByOfficerAndUnit() throws Exception {
    String unit = "Lakeside Unit " + System.nanoTime();
    String sn = ComplaintFixtures.freshServiceNumber();
    Map<String, Object> values = ComplaintFixtures.intake("excessive-force", "medium");
    values.put("subjectServiceNumber", sn);
    values.put("subjectUnit", unit);
    values.put("complainantMode", "open");
    String officerName = "Officer Nyambura" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    values.put("piiSubjectName", officerName);
    String first = register(values);
    String second = register(values);
    Map<String, Object> sameUnit = ComplaintFixtures.anonymous("threats", "low");
    sameUnit.put("subjectUnit", unit);
    String third = register(sameUnit);

    String intakePage = HttpSession.loggedIn(port, "intake", "demo").get("/cases/" + first).body();
    assertThat(intakePage)
        .contains("Subject officer unit").contains(unit)
        .contains("excessive-force (medium)")
        .contains("not in the registry")
        .contains(ComplaintFixtures.COMPLAINANT_NAME)
        .contains(officerName);
    assertThat(intakePage).contains(second + "</a> <span>· same officer").contains(third + "</a> <span>· same unit");

    // the auditor reads the case, without the complainant's identity or the officer's name
    String auditorPage = HttpSession.loggedIn(port, "auditor", "demo").get("/cases/" + first).body();
    assertThat(auditorPage).contains(unit).contains(sn).doesNotContain(ComplaintFixtures.COMPLAINANT_NAME)
        .doesNotContain(ComplaintFixtures.COMPLAINANT_EMAIL).doesNotContain(officerName);

    HttpSession intake = HttpSession.loggedIn(port, "intake", "demo");
    assertThat(intake.get("/cases?officer=" + sn).body()).contains(first).contains(second).doesNotContain(third);
    assertThat(intake.get("/cases?officer=" + URLEncoder.encode(officerName.substring(8).toLowerCase(), StandardCharsets.UTF_8)).body()).contains(first).contains(second).doesNotContain(third);
    // the auditor may not see the officer's name, so a name never finds a case for them; the number does
    HttpSession auditor = HttpSession.loggedIn(port, "auditor", "demo");
    assertThat(auditor.get("/cases?officer=" + URLEncoder.encode(officerName, StandardCharsets.UTF_8)).body()).doesNotContain(first).doesNotContain(second);
    assertThat(auditor.get("/cases?officer=" + sn).body()).contains(first).contains(second);
    assertThat(intake.get("/cases?unit=" + URLEncoder.encode(unit.toLowerCase(), StandardCharsets.UTF_8)).body())
        .contains(first).contains(second).contains(third);
  }

  @Test
  void aRegisteredOfficerIsShownAsLinkedOnTheCasePage() throws Exception {
    Map<String, Object> values = ComplaintFixtures.intake("threats", "medium");
    values.put("subjectServiceNumber", "PD-1004");
    String reference = register(values);
    assertThat(HttpSession.loggedIn(port, "intake", "demo").get("/cases/" + reference).body())
        .contains("linked: PD-1004").contains("Central Police District");
  }

  // ------------------------------------------------------------------ 2. exports

  static XSSFWorkbook download(HttpSession session, String path) throws Exception {
    HttpResponse<byte[]> response =
        java.net.http.HttpClient.newHttpClient().send(session.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
  }

  static Map<String, String> rowOf(Sheet sheet, String reference) {
    DataFormatter format = new DataFormatter();
    Row header = sheet.getRow(0);
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && reference.equals(format.formatCellValue(row.getCell(0)))) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Cell h : header) {
          values.put(h.getStringCellValue(), format.formatCellValue(row.getCell(h.getColumnIndex())));
        }
        return values;
      }
    }
    throw new AssertionError("no row " + reference);
  }

  static String allText(XSSFWorkbook workbook) {
    DataFormatter format = new DataFormatter();
    StringBuilder text = new StringBuilder();
    workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\n'))));
    return text.toString();
  }

  @Test
  void theCasesExportHasTheComplaintColumnsPseudonymsAndNeverAConfidentialComplainant() throws Exception {
    Map<String, Object> open = ComplaintFixtures.intake("excessive-force", "medium");
    open.put("complainantMode", "open");
    open.put("piiComplainantName", "Open Complainant Wanjiru");
    open.put("piiComplainantEmail", "wanjiru.open@example.org");
    String openReference = register(open);
    String investigator = triaged(openReference);
    assertThat(investigator).isNotNull();
    complete(
        instanceOf(openReference), "UserTask_InvestigateComplaint",
        Map.of("investigationAction", "findings", "finding1", "not-sustained", "finding1Reason", "Witness Baraka Otieno saw nothing."));
    String confidential = register(ComplaintFixtures.intake("threats", "low"));

    String today = LocalDate.now().toString();
    String query = "/api/exports/cases.xlsx?from=" + today + "&to=" + today + "&process=" + ComplaintProcess.KEY;
    HttpSession auditor = HttpSession.basic(port, "auditor", "demo");
    try (XSSFWorkbook workbook = download(auditor, query)) {
      Sheet cases = workbook.getSheet("Cases");
      Map<String, String> row = rowOf(cases, openReference);
      assertThat(row)
          .containsEntry("Channel", "walk-in")
          .containsEntry("Route", "internal-investigation")
          .containsEntry("Allegations", "excessive-force (medium): not-sustained")
          .containsEntry("Complainant mode", "open")
          .containsEntry("Complainant name", cipher.pseudonym("complainantName", "Open Complainant Wanjiru"))
          .containsEntry("Officer name", cipher.pseudonym("subjectName", "Officer Jean Dupont-Kamara"));
      assertThat(row.get("Complaint status")).isNotBlank();
      Map<String, String> hidden = rowOf(cases, confidential);
      assertThat(hidden.get("Complainant name")).isEqualTo(cipher.pseudonym("complainantName", ComplaintExportContribution.CONFIDENTIAL + " " + confidential));
      Sheet findings = workbook.getSheet("Decisions and findings");
      DataFormatter format = new DataFormatter();
      Row finding = null;
      for (Row r : findings) {
        if (openReference.equals(format.formatCellValue(r.getCell(0)))) {
          finding = r;
        }
      }
      assertThat(finding).isNotNull();
      assertThat(format.formatCellValue(finding.getCell(3))).isEqualTo("Allegation 1: excessive-force");
      assertThat(format.formatCellValue(finding.getCell(4))).isEqualTo("not-sustained");
      assertThat(format.formatCellValue(finding.getCell(6))).isEqualTo(investigator);
      String text = allText(workbook);
      assertThat(text).doesNotContain("Wanjiru").doesNotContain("Baraka").doesNotContain("Dupont")
          .doesNotContain(ComplaintFixtures.COMPLAINANT_NAME).doesNotContain(ComplaintFixtures.COMPLAINANT_EMAIL);
    }

    String reason = URLEncoder.encode("Court order 2026/201 requires the complainants' names", StandardCharsets.UTF_8);
    try (XSSFWorkbook workbook = download(auditor, query + "&reason=" + reason)) {
      Sheet cases = workbook.getSheet("Cases");
      assertThat(rowOf(cases, openReference))
          .containsEntry("Complainant name", "Open Complainant Wanjiru")
          .containsEntry("Complainant contact", "wanjiru.open@example.org, +221 77 123 45 67");
      assertThat(rowOf(cases, confidential))
          .containsEntry("Complainant name", ComplaintExportContribution.CONFIDENTIAL + " " + confidential);
      assertThat(allText(workbook)).contains("Baraka")
          .doesNotContain(ComplaintFixtures.COMPLAINANT_NAME).doesNotContain(ComplaintFixtures.COMPLAINANT_EMAIL).doesNotContain("123 45 67\n" + confidential);
    }
  }
}
