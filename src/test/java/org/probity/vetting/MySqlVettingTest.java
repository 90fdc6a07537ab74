package org.probity.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.probity.personnel.PersonnelRegistry;
import org.probity.personnel.PersonnelTesting;
import org.probity.personnel.VettingStatus;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A long path of personnel-vetting on a real MySQL-compatible server: records requests with a
 * reminder and a "no answer", adverse information with a hearing, a conditional clearance overturned
 * on appeal after a remand, and the registry updated.
 */
@MySqlTest
class MySqlVettingTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired PersonnelRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aVettingRunsFromStartToTheRegistryOnMySql() {
    String sn = PersonnelTesting.serviceNumber("MV");
    registry.register(PersonnelTesting.person(sn, "Zoë Vetted", "Northern Police District"), "ci-admin");
    ProcessInstance pi = runtime.startProcessInstanceByKey("personnel-vetting", Map.of("serviceNumber", sn, "reason", "promotion"));
    complete(pi, "UserTask_RecordDeclarations", Map.of("assetsDeclared", true, "priorServiceDeclared", true, "educationDeclared", false));
    complete(pi, "UserTask_DeclarationsResubmitted", Map.of("educationDeclared", true));

    jobs(pi, "BoundaryEvent_RecordsReminderDue").forEach(j -> management.executeJob(j.getId()));
    List<Task> replies = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_RecordInstitutionReply").list();
    for (Task reply : replies.subList(0, replies.size() - 1)) {
      tasks.complete(reply.getId(), Map.of("recordsFound", "records-found", "replySummary", "Relevé — une affaire classée"));
    }
    jobs(pi, "BoundaryEvent_RecordsDeadlinePassed").forEach(j -> management.executeJob(j.getId()));

    complete(pi, "UserTask_AssessIntegrity", PersonnelVettingProcessTest.assessment("yes"));
    complete(pi, "UserTask_RecordWrittenResponse", Map.of("responseSummary", "Explains", "hearingRequested", "yes"));
    complete(
        pi,
        "UserTask_RecordHearing",
        Map.of("hearingDate", LocalDate.now().toString(), "panelPresent", "panel1, panel2", "hearingSummary", "Heard"));
    complete(pi, "UserTask_DecideVetting", PersonnelVettingProcessTest.decision("not-cleared"));
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "New evidence"));
    complete(pi, "UserTask_ReviewAppeal", Map.of("appealDecision", "remand", "appealReasons", "Assess it"));
    complete(pi, "UserTask_AssessIntegrity", PersonnelVettingProcessTest.assessment("no"));
    complete(pi, "UserTask_DecideVetting", PersonnelVettingProcessTest.decision("not-cleared"));
    complete(pi, "UserTask_RecordAppeal", Map.of("appealGrounds", "Still unfair"));
    complete(
        pi,
        "UserTask_ReviewAppeal",
        Map.of(
            "appealDecision", "overturn",
            "appealReasons", "Evidence explained",
            "appealOutcome", "conditionally-cleared",
            "appealConditions", "Déclaration annuelle",
            "appealReviewDate", LocalDate.now().plusYears(2).toString()));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    var person = registry.find(sn).orElseThrow();
    assertThat(person.vettingStatus()).isEqualTo(VettingStatus.CONDITIONALLY_CLEARED);
    assertThat(person.nextReviewDate()).isEqualTo(LocalDate.now().plusYears(2));
    assertThat(person.vettingHistory()).singleElement().satisfies(e -> assertThat(e.caseReference()).isEqualTo(pi.getBusinessKey()));
    assertThat(jdbc.queryForList("select result from vetting_records_request where case_reference = ?", String.class, pi.getBusinessKey()))
        .containsOnly("records-found", "no-answer")
        .contains("no-answer");
    assertThat(jdbc.queryForObject("select outcome from vetting_case where reference = ?", String.class, pi.getBusinessKey()))
        .isEqualTo("CONDITIONALLY_CLEARED");
  }

  void complete(ProcessInstance pi, String activityId, Map<String, Object> values) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
    assertThat(task).as(activityId).isNotNull();
    tasks.complete(task.getId(), values);
  }

  List<Job> jobs(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
  }
}
