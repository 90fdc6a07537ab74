package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.probity.equality.EqualityScenario.KEY;
import static org.probity.equality.EqualityScenario.of;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.common.forms.FormSubmissionRefused;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad proposals and assessments are refused by the engine's shared form validation (the .form
 * schemas and this module's SubmissionRules), on /engine-rest as the analyst and on the Java API,
 * with a 400 / a message naming the field, and nothing is stored.
 */
@ProbityTest
class EqualityBadInputTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  HttpSession analyst;

  @BeforeEach
  void login() {
    analyst = HttpSession.basic(port, "analyst", "demo");
  }

  @AfterEach
  void endRunningInstances() {
    EqualityScenario.deleteRunningInstances(runtimeService);
  }

  @Test
  void theAnalystStartsAValidProposalOnEngineRest() {
    long before = programs();
    HttpResponse<String> response = start(EqualityScenario.proposal());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(programs()).isEqualTo(before + 1);
  }

  @Test
  void negativeZeroAndAbsurdBudgetsAreRefused() {
    assertRefused(with("budget", -5000L), "budget", "must be a positive amount (given -5000)");
    assertRefused(with("budget", 0L), "budget", "must be a positive amount (given 0)");
    assertRefused(with("budget", 5_000_000_000_000L), "budget",
        "exceeds the maximum of 1,000,000,000 for one program (given 5000000000000)");
    assertRefused(with("budget", "a lot"), "budget", "must be a number");
  }

  @Test
  void unknownCurrenciesAreRefused() {
    assertRefused(with("currency", "XYZ"), "currency", "'XYZ' is not an accepted ISO 4217 currency code; use one of USD, EUR");
    // a real ISO 4217 code outside the configured allow-list is refused too
    assertRefused(with("currency", "JPY"), "currency", "'JPY' is not an accepted ISO 4217 currency code");
    assertRefused(with("currency", "usd"), "currency", "has the wrong format");
  }

  @Test
  void indicatorTargetsInTheWrongDirectionAreRefused() {
    assertRefused(with("indicator1Target", 30L), "indicator1Target",
        "Indicator 1: the target (30) must be above the baseline (40) for an indicator that should increase");
    assertRefused(with("indicator1Target", 40L), "indicator1Target", "must be above the baseline (40)");
    assertRefused(with("indicator2Target", 20L), "indicator2Target",
        "Indicator 2: the target (20) must be below the baseline (18.5) for an indicator that should decrease");
    assertRefused(with("indicator3Baseline", 5L), "indicator3Baseline",
        "Indicator 3: give the indicator's name, or leave the whole indicator empty");
    Map<String, Object> noDirection = EqualityScenario.proposal();
    noDirection.remove("indicator2Direction");
    assertRefused(noDirection, "indicator2Direction", "Indicator 2: say whether the indicator should increase or decrease");
  }

  @Test
  void durationsOutsideTheBoundsAreRefused() {
    assertRefused(with("durationMonths", 1L), "durationMonths", "must be between 3 and 120 months (given 1)");
    assertRefused(with("durationMonths", 240L), "durationMonths", "must be between 3 and 120 months (given 240)");
    assertRefused(with("durationMonths", 6.5), "durationMonths", "must be a whole number of months");
  }

  @Test
  void theFormSchemaStillAppliesUnknownTypesAndFieldsAreRefused() {
    assertRefused(with("programType", "military-aid"), "programType", "must be one of");
    assertRefused(with("approvedByCommittee", true), "approvedByCommittee", "is not a field of this form");
    Map<String, Object> noTitle = EqualityScenario.proposal();
    noTitle.remove("title");
    assertRefused(noTitle, "title", "is required");
  }

  @Test
  void aCellFlaggedDataMissingMustNotCarryABaselineAndACellWithDataNeedsItsBaseline() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    taskService.complete(taskId(pi, "UserTask_CheckCompleteness"), of("completenessDecision", "complete"));
    String assessment = taskId(pi, "UserTask_AssessImpact");
    long cells = jdbc.queryForObject("select count(*) from equality_impact_cell", Long.class);

    Map<String, Object> missingWithBaseline = EqualityScenario.fullImpact();
    missingWithBaseline.put("group1CulturalDataMissing", true);
    assertThatThrownBy(() -> taskService.complete(assessment, missingWithBaseline))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry(
            "group1CulturalGap", "Group 1, cultural: data is marked missing, so the baseline gap must stay empty"));

    Map<String, Object> silentGap = EqualityScenario.fullImpact();
    silentGap.remove("group1PoliticalGap");
    assertThatThrownBy(() -> taskService.complete(assessment, silentGap))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry(
            "group1PoliticalGap", "Group 1, political: give the baseline gap, or tick \"data missing\""));

    Map<String, Object> noEvidence = EqualityScenario.fullImpact();
    noEvidence.remove("group1SecurityEvidence");
    assertThatThrownBy(() -> taskService.complete(assessment, noEvidence))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry(
            "group1SecurityEvidence", "Group 1, security and justice: give the evidence for the baseline gap"));

    Map<String, Object> unnamedGroup = EqualityScenario.fullImpact();
    unnamedGroup.put("group2EconomicGap", 12L);
    assertThatThrownBy(() -> taskService.complete(assessment, unnamedGroup))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry(
            "group2EconomicGap", "Group 2, economic: name group 2 first, or leave its cells empty"));

    assertThat(jdbc.queryForObject("select count(*) from equality_impact_cell", Long.class)).isEqualTo(cells);
    assertThat(taskService.createTaskQuery().taskId(assessment).count()).isEqualTo(1);
  }

  @Test
  void aRevisionThatSendsOnlyWhatChangedIsCheckedAgainstTheWholeProposal() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    taskService.complete(taskId(pi, "UserTask_CheckCompleteness"),
        of("completenessDecision", "incomplete", "revisionReason", "Target too timid"));
    String revision = taskId(pi, "UserTask_ReviseProposal");
    // the baseline (40) and direction (increase) are the instance's: 30 goes the wrong way
    assertThatThrownBy(() -> taskService.complete(revision, of("indicator1Target", 30L, "revisionNote", "Lower target")))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors()).containsEntry(
            "indicator1Target",
            "Indicator 1: the target (30) must be above the baseline (40) for an indicator that should increase"));
    assertThatThrownBy(() -> taskService.complete(revision, of("budget", -1L, "revisionNote", "Budget")))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors())
            .containsEntry("budget", "must be a positive amount (given -1)"));
    taskService.complete(revision, of("indicator1Target", 60L, "revisionNote", "Higher target"));
    assertThat(taskId(pi, "UserTask_CheckCompleteness")).isNotNull();
  }

  @Test
  void returnsAndRecusalsCarryTheirReasonAndMilestonesTheirDates() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    String check = taskId(pi, "UserTask_CheckCompleteness");
    assertThatThrownBy(() -> taskService.complete(check, of("completenessDecision", "incomplete")))
        .isInstanceOfSatisfying(FormSubmissionRefused.class, e -> assertThat(e.fieldErrors())
            .containsEntry("revisionReason", "Reason for return: say what is missing from the proposal"));

    // the plan's rule, checked directly on the rule bean's submission path
    Map<String, Object> past = of("milestone1Title", "Centres open", "milestone1Due", LocalDate.now().minusDays(1).toString());
    assertThat(planErrors(past)).containsEntry("milestone1Due",
        "Milestone 1: the due date " + LocalDate.now().minusDays(1) + " is in the past");
    assertThat(planErrors(of("milestone1Title", "Centres open", "milestone2Title", "Hiring",
        "milestone1Due", LocalDate.now().plusDays(30).toString())))
        .containsOnlyKeys("milestone2Due");
  }

  @Autowired java.util.List<org.probity.common.forms.SubmissionRule> rules;

  private Map<String, String> planErrors(Map<String, Object> values) {
    var submission = new org.probity.common.forms.Submission(KEY, "UserTask_PlanImplementation", "analyst",
        java.util.List.of("equality-analysts"), values, Map.of());
    Map<String, String> errors = new LinkedHashMap<>();
    rules.stream().filter(r -> r.appliesTo(KEY, "UserTask_PlanImplementation"))
        .forEach(r -> errors.putAll(r.check(submission)));
    return errors;
  }

  private Map<String, Object> with(String key, Object value) {
    Map<String, Object> v = EqualityScenario.proposal();
    v.put(key, value);
    return v;
  }

  private void assertRefused(Map<String, Object> proposal, String field, String message) {
    long before = programs();
    HttpResponse<String> response = start(proposal);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field + ": ").contains(message).doesNotContain("at org.");
    assertThat(programs()).as("nothing stored").isEqualTo(before);
  }

  private HttpResponse<String> start(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    try {
      return analyst.postJson("/engine-rest/process-definition/key/" + KEY + "/start",
          json.writeValueAsString(Map.of("variables", variables)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long programs() {
    return jdbc.queryForObject("select count(*) from equality_program", Long.class);
  }

  private String taskId(ProcessInstance pi, String activityId) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult().getId();
  }
}
