package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.probity.complaint.ComplaintProcess;
import org.probity.support.H2Statements;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task listener on a new task works through the task's execution: no query for the new task's
 * own variables (H2's statement statistics count them), and the effects stay the same.
 */
@ProbityTest
class ComplaintTaskListenerTest {

  /** Camunda's select of one task's own variables (selectVariablesByTaskId). */
  static final String TASK_VARIABLES = "%ACT_RU_VARIABLE RES%WHERE%TASK_ID_ = ?%";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DataSource dataSource;

  @Test
  void newTasksAreHandledWithoutReadingTheirOwnVariables() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    H2Statements.record(jdbc, true);
    String instance = null;
    try {
      long before = H2Statements.count(jdbc, TASK_VARIABLES);
      instance = runtimeService.startProcessInstanceByKey(ComplaintProcess.KEY, ComplaintFixtures.intake("threats", "low")).getId();
      // two tasks created, each through the listener: reading the reference or setting the route
      // through the task would select its variables (one query each before)
      assertThat(H2Statements.count(jdbc, TASK_VARIABLES) - before).isZero();

      String reference = (String) runtimeService.getVariable(instance, "complaintReference");
      assertThat(jdbc.queryForObject("select status from complaint where reference = ?", String.class, reference)).isEqualTo("triage");
      Task triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
      // the route is the process's, not the task's own; and reading the task's own variables is
      // the statement counted above (so the count can see one)
      long beforeRead = H2Statements.count(jdbc, TASK_VARIABLES);
      assertThat(taskService.getVariablesLocal(triage.getId())).doesNotContainKey("route");
      assertThat(H2Statements.count(jdbc, TASK_VARIABLES)).isGreaterThan(beforeRead);
      assertThat(runtimeService.getVariable(instance, "route")).isEqualTo(runtimeService.getVariable(instance, "recommendedRoute")).isNotNull();
    } finally {
      H2Statements.record(jdbc, false);
      if (instance != null) {
        runtimeService.deleteProcessInstance(instance, "test done");
      }
    }
  }
}
