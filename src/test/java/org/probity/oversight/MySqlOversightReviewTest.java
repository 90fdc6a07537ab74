package org.probity.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The oversight review's tables and process on a real MySQL-compatible server. */
@MySqlTest
class MySqlOversightReviewTest {

  static final List<String> COMMITTEE = List.of("ovr-test-a", "ovr-test-b", "ovr-test-c");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  ReviewDriver drive;

  @BeforeEach
  void committeeOfThree() {
    BpmnAwareTests.init(engine);
    drive = new ReviewDriver(runtime, tasks, management, jdbc);
    for (String username : COMMITTEE) {
      jdbc.update(
          "insert into app_user (username, password_hash, display_name, enabled, created_at) values (?, ?, ?, true, ?)",
          username, "{noop}unused", username, Timestamp.from(Instant.now()));
      jdbc.update("insert into app_user_role (username, role_id) values (?, 'oversight-committee')", username);
    }
  }

  @AfterEach
  void removeCommittee() {
    for (String username : COMMITTEE) {
      jdbc.update("delete from app_user where username = ?", username);
    }
  }

  @Test
  void aReviewRunsToItsCloseOnMySql() {
    ProcessInstance pi = drive.startOwnMotion("National Police");
    assertThat(drive.reviewColumn(pi, "reference")).matches("OVR-\\d{4}-\\d{6}");
    drive.admit(pi);
    drive.declareAndRule(pi, Set.of("ovr-test-c"), COMMITTEE);
    drive.inquiryStep(pi, Map.of("inquiryStep", "information-request", "requestSubject", "Registers", "requestDeadline", ReviewDriver.future(20)));
    drive.fireTimer(pi, "BoundaryEvent_RequestReminder");
    drive.fireTimer(pi, "BoundaryEvent_RequestOverdue");
    drive.complete(pi, "UserTask_HandleOverdueRequest", Map.of("overdueNote", "Hearing instead"));
    drive.inquiryStep(pi, Map.of("inquiryStep", "visit-or-hearing", "recordKind", "hearing", "recordDate", LocalDate.now().toString(),
        "piiAttendees", "Director", "recordSummary", "Heard"));
    drive.closeInquiry(pi);
    drive.allFindings(pi);
    drive.draft(pi, "Draft");
    drive.vote(pi, Map.of("ovr-test-a", "for", "ovr-test-b", "abstain"));
    assertThat(pi).isWaitingAt("UserTask_AddRecommendation");
    drive.recommend(pi, "One", true);
    drive.recommend(pi, "Two", false);
    drive.complete(pi, "UserTask_RecordInstitutionResponse",
        Map.of("institutionResponse", "rejected-some", "rejectedRecommendations", "1", "responseSummary", "No"));
    drive.complete(pi, "UserTask_DecideSpecialReport", Map.of("specialDecision", "escalate-to-parliament", "specialReport", "Refused"));
    drive.complete(pi, "UserTask_WriteFinalReport", Map.of("finalReport", "Escalated"));
    assertThat(pi).isEnded();
    assertThat(drive.reviewColumn(pi, "status")).isEqualTo("closed");
    assertThat(drive.recommendationStatuses(pi)).containsExactly("rejected", "accepted");
    assertThat(jdbc.queryForObject("select outcome from oversight_vote_result where review_id = ?", String.class, drive.reviewId(pi)))
        .isEqualTo("ADOPTED");
    assertThat(jdbc.queryForList("select status from oversight_inquiry where review_id = ? order by id", String.class, drive.reviewId(pi)))
        .containsExactly("overdue", "recorded");
  }

  @Test
  void oversightTablesAreUtf8mb4() {
    assertThat(jdbc.queryForList(
            "select table_collation from information_schema.tables where table_schema = database() and table_name like 'oversight%'",
            String.class))
        .hasSize(8)
        .allSatisfy(collation -> assertThat(collation).startsWith("utf8mb4"));
  }
}
