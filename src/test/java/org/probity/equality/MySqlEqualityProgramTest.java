package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.equality.EqualityScenario.KEY;
import static org.probity.equality.EqualityScenario.of;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The equality tables (migration V8) and the process up to the finance review on MySQL/MariaDB. */
@MySqlTest
class MySqlEqualityProgramTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired EqualityPrograms programs;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void endRunningInstances() {
    EqualityScenario.deleteRunningInstances(runtimeService);
  }

  @Test
  void aProposalIsAssessedScoredAndRecordedOnMySql() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, EqualityScenario.proposal());
    complete(pi, "UserTask_CheckCompleteness", of("completenessDecision", "complete"));
    complete(pi, "UserTask_AssessImpact", EqualityScenario.thinImpact());
    complete(pi, "UserTask_AssessAtrocityRisk", EqualityScenario.risk("low", false));
    EqualityProgram program = programs.findByProcessInstance(pi.getId()).orElseThrow();
    // 0 (coverage 20%) + 0 (reduction 0.5) + 20 (targeted) + 25 (low risk) = 45: below 50
    assertThat(program.equityScore()).isEqualTo(45);
    assertThat(program.status()).isEqualTo("IN_REVISION");
    assertThat(program.budget()).isEqualByComparingTo("2500000");
    assertThat(jdbc.queryForList("select dimension, data_missing, baseline_gap from equality_impact_cell where program_id ="
        + " (select id from equality_program where process_instance_id = ?) order by dimension", pi.getId()))
        .hasSize(5)
        .anySatisfy(row -> assertThat(row).containsEntry("DIMENSION", "ECONOMIC"));
    assertThat(jdbc.queryForObject("select triggers from equality_risk_assessment where program_id ="
        + " (select id from equality_program where process_instance_id = ?)", String.class, pi.getId()))
        .isEqualTo("elections, resource projects");
  }

  private void complete(ProcessInstance pi, String activityId, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
        .singleResult().getId(), variables);
  }
}
