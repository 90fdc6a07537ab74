package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole complaint path on MySQL/MariaDB: portal intake to closure, through every kind of step. */
@MySqlTest
class ComplaintMySqlTest {

  static final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PortalRequestGuard guard;
  @Autowired VettingComplaintRecords vettingRecords;
  @Autowired ComplaintExportContribution export;
  @Autowired ComplaintCasePageContribution casePage;

  void complete(String instance, String activity, Map<String, Object> values) {
    var task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult();
    assertThat(task).as(activity).isNotNull();
    taskService.complete(task.getId(), values);
  }

  /** The MySQL suite has no demo accounts: two investigators, one from the officer's unit. */
  void investigators() {
    for (String[] account : new String[][] {{"mysql-investigator-a", "Central Police District"}, {"mysql-investigator-b", "Southern Police District"}}) {
      if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, account[0]) == 0) {
        jdbc.update(
            "insert into app_user (username, password_hash, display_name, unit, enabled, created_at) values (?, '{noop}unused-in-this-test', ?, ?, ?, current_timestamp)",
            account[0], account[0], account[1], true);
        jdbc.update("insert into app_user_role (username, role_id) values (?, 'investigators')", account[0]);
      }
    }
  }

  @Test
  void aComplaintRunsFromThePortalToClosureOnMySql() throws Exception {
    guard.reset();
    investigators();
    HttpSession portal = HttpSession.anonymous(port);
    Map<String, Object> values = ComplaintFixtures.intake("torture-ill-treatment", "serious");
    values.remove("channel");
    values.put("piiComplainantName", "Łukasz Ñandú 王小明");
    int before = jdbc.queryForObject("select count(*) from complaint", Integer.class);
    Map<String, Object> bad = new java.util.LinkedHashMap<>(values);
    bad.put("incidentLocation", "x".repeat(201));
    assertThat(portal.postJson("/api/public/complaints", json.writeValueAsString(bad)).statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from complaint", Integer.class)).isEqualTo(before);

    HttpResponse<String> filed = portal.postJson("/api/public/complaints", json.writeValueAsString(values));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    JsonNode answer = json.readTree(filed.body());
    String reference = answer.path("reference").asText();
    String receipt = answer.path("receipt").asText();
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    assertThat(jdbc.queryForObject("select name_enc from complaint_complainant where reference = ?", String.class, reference)).startsWith("v1:");

    complete(instance, "UserTask_AcknowledgeComplaint", Map.of());
    assertThat(runtimeService.getVariable(instance, "recommendedRoute")).isEqualTo("referral-for-prosecution");
    complete(instance, "UserTask_TriageComplaint", Map.of("route", "referral-for-prosecution"));
    // the investigator from the officer's unit is never picked
    assertThat(runtimeService.getVariable(instance, "investigator")).isEqualTo("mysql-investigator-a");
    complete(instance, "UserTask_InvestigateComplaint",
        Map.of("investigationAction", "extension", "extensionReason", "Forensics.", "extensionUntil", LocalDate.now().plusDays(100).toString()));
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instance).activityId("BoundaryEvent_InvestigationOverdue").singleResult().getId());
    complete(instance, "UserTask_EscalateOverdueInvestigation", Map.of("overdueInvestigationNote", "Chased."));
    complete(instance, "UserTask_InvestigateComplaint", Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "Forensic report."));
    complete(instance, "UserTask_CommitteeReview", Map.of("committeeDecision", "confirm", "committeeReasons", "Refer to the prosecutor."));
    assertThat(jdbc.queryForObject("select count(*) from complaint_vetting_request where reference = ?", Integer.class, reference)).isEqualTo(1);

    JsonNode status = json.readTree(portal.get("/api/public/complaints/" + receipt).body());
    assertThat(status.path("appealOpen").asBoolean()).isTrue();
    assertThat(portal.postJson("/api/public/complaints/" + receipt + "/appeal", "{\"reason\":\"Sanction too light.\"}").statusCode()).isEqualTo(202);
    String first = (String) runtimeService.getVariable(instance, "investigator");
    complete(instance, "UserTask_ReviewAppeal", Map.of("appealDecision", "dismissed", "appealReasons", "Sanction is for the court."));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(jdbc.queryForObject("select status from complaint where reference = ?", String.class, reference)).isEqualTo("closed");
    assertThat(jdbc.queryForObject("select count(*) from complaint_notice where reference = ?", Integer.class, reference)).isGreaterThanOrEqualTo(4);
    assertThat(first).isNotBlank();
    assertThat(portal.get("/api/public/complaints/AAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
  }

  /** The connections' queries (normalised service numbers, keyset pages, LIKE with escapes) on MySQL/MariaDB. */
  @Test
  void theConnectionsQueriesRunOnMySql() throws Exception {
    guard.reset();
    investigators();
    Map<String, Object> values = ComplaintFixtures.anonymous("excessive-force", "medium");
    values.remove("channel");
    String serviceNumber = (String) values.get("subjectServiceNumber");
    String unit = "Harbour_Unit " + System.nanoTime();
    values.put("subjectUnit", unit);
    HttpResponse<String> filed = HttpSession.anonymous(port).postJson("/api/public/complaints", json.writeValueAsString(values));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String reference = json.readTree(filed.body()).path("reference").asText();
    HttpResponse<String> second = HttpSession.anonymous(port).postJson("/api/public/complaints", json.writeValueAsString(values));
    String other = json.readTree(second.body()).path("reference").asText();
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);
    complete(instance, "UserTask_AcknowledgeComplaint", Map.of());
    complete(instance, "UserTask_TriageComplaint", Map.of("route", "internal-investigation"));
    complete(instance, "UserTask_InvestigateComplaint", Map.of("investigationAction", "findings", "finding1", "not-sustained", "finding1Reason", "No witness."));

    var records = vettingRecords.recordsFor(" " + serviceNumber.toLowerCase() + " ");
    assertThat(records).extracting(r -> r.reference()).containsExactly(reference, other);
    assertThat(records.get(0).findings()).containsExactly("not-sustained");
    java.util.List<org.probity.export.Finding> findings = new java.util.ArrayList<>();
    export.forEachFinding(java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(3600), findings::add);
    assertThat(findings).filteredOn(f -> f.caseReference().equals(reference)).extracting(f -> f.outcome()).containsExactly("not-sustained");
    assertThat(casePage.casesConcerningUnit(unit.toLowerCase())).containsExactlyInAnyOrder(reference, other);
    assertThat(casePage.casesConcerningUnit("Harbour%")).isEmpty();
    assertThat(casePage.casesConcerningOfficer(serviceNumber)).containsExactlyInAnyOrder(reference, other);
    assertThat(casePage.relatedCases(reference, "nobody")).extracting(r -> r.businessKey() + " " + r.reason()).containsExactly(other + " same officer");
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
