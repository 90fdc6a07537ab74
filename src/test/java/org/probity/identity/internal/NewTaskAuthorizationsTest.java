package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.probity.complaint.internal.ComplaintFixtures;
import org.probity.support.H2Statements;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's task authorizations without a lookup for tasks it has just created, on the real
 * engine and database (H2: its statement statistics count the lookups).
 */
@ProbityTest
class NewTaskAuthorizationsTest {

  /** The default provider's lookup of an existing grant for a group on a task. */
  static final String GROUP_GRANT_LOOKUP =
      "%ACT_RU_AUTHORIZATION%TYPE_ = ?%GROUP_ID_ = ?%RESOURCE_TYPE_ = ?%RESOURCE_ID_ = ?%";

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DataSource dataSource;

  @Test
  void isTheEnginesProvider() {
    assertThat(((ProcessEngineConfigurationImpl) configuration).getResourceAuthorizationProvider()).isInstanceOf(NewTaskAuthorizations.class);
  }

  @Test
  void onlyProcessTasksOfTheRunningCommandCountAsNew() {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();
    // ids made in the command, kept for the checks after it: the complaint's two tasks, the standalone task
    List<String> processTasks = new ArrayList<>();
    List<String> standalone = new ArrayList<>();
    List<String> instances = new ArrayList<>();
    String instance =
        commands.execute(
            context -> {
              String id = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
              context.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).forEach(t -> processTasks.add(t.getId()));
              Task task = taskService.newTask();
              taskService.saveTask(task);
              standalone.add(task.getId());
              return id;
            });
    assertThat(processTasks).hasSize(2);
    try {
      List<Boolean> newInCommand =
          commands.execute(
              context -> {
                String id = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
                List<Boolean> answers = new ArrayList<>();
                context.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
                    .filter(t -> id.equals(t.getProcessInstanceId()))
                    .forEach(t -> answers.add(NewTaskAuthorizations.isProcessTaskCreatedInThisCommand(t.getId())));
                Task task = taskService.newTask();
                taskService.saveTask(task);
                standalone.add(task.getId());
                // a standalone task's id may be chosen by its creator: looked up as before
                answers.add(NewTaskAuthorizations.isProcessTaskCreatedInThisCommand(task.getId()));
                answers.add(NewTaskAuthorizations.isProcessTaskCreatedInThisCommand(null));
                // tasks of an earlier command, and unknown ids, are not new
                answers.add(NewTaskAuthorizations.isProcessTaskCreatedInThisCommand(processTasks.get(0)));
                answers.add(NewTaskAuthorizations.isProcessTaskCreatedInThisCommand("no-such-task"));
                instances.add(id);
                return answers;
              });
      assertThat(newInCommand).containsExactly(true, true, false, false, false, false);
    } finally {
      standalone.forEach(id -> taskService.deleteTask(id, true));
      instances.add(instance);
      instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test done"));
    }
  }

  @Test
  void newTasksAreGrantedWithoutLookupsAndLaterGrantsStillMerge() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    H2Statements.record(jdbc, true);
    try {
      long before = H2Statements.count(jdbc, GROUP_GRANT_LOOKUP);
      String instance = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
      // two tasks, each granted to its candidate group: no lookup (the default provider made two)
      assertThat(H2Statements.count(jdbc, GROUP_GRANT_LOOKUP) - before).isZero();
      Task triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_TriageComplaint").singleResult();
      assertThat(grants(jdbc, triage.getId())).containsExactly(Map.of("GROUP_ID_", "investigators", "PERMS_", permissions()));

      // a grant on the same task in a later command looks up the existing row and adds to it
      taskService.addCandidateGroup(triage.getId(), "investigators");
      long afterLaterGrant = H2Statements.count(jdbc, GROUP_GRANT_LOOKUP);
      assertThat(afterLaterGrant - before).isPositive();
      assertThat(grants(jdbc, triage.getId())).hasSize(1);
      taskService.addCandidateGroup(triage.getId(), "grant-probe");
      assertThat(H2Statements.count(jdbc, GROUP_GRANT_LOOKUP)).isGreaterThan(afterLaterGrant);
      assertThat(grants(jdbc, triage.getId())).extracting(row -> row.get("GROUP_ID_")).containsExactly("grant-probe", "investigators");
      runtimeService.deleteProcessInstance(instance, "test done");
    } finally {
      H2Statements.record(jdbc, false);
    }
  }


  private static List<Map<String, Object>> grants(JdbcTemplate jdbc, String taskId) {
    return jdbc.queryForList(
        "select GROUP_ID_, PERMS_ from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ? and TYPE_ = 1 order by GROUP_ID_",
        Resources.TASK.resourceType(), taskId);
  }

  private static int permissions() {
    return Permissions.READ.getValue() | org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK.getValue();
  }
}
