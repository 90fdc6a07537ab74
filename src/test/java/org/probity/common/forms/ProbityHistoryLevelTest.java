package org.probity.common.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.probity.complaint.internal.ComplaintFixtures;
import org.probity.support.HttpSession;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The variable-update log (ACT_HI_DETAIL) is skipped for the processes named in {@code
 * probity.history.variable-updates-skipped-for} (complaint-handling by default) and kept for every
 * other; the variables' values (ACT_HI_VARINST) are kept for all. The job log keeps no creation or
 * deletion for the processes named in {@code probity.history.job-creation-and-deletion-skipped-for}.
 */
@ProbityTest
class ProbityHistoryLevelTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void theLevelSkipsVariableUpdatesOnlyOfTheNamedProcesses() {
    ProbityHistoryLevel level = new ProbityHistoryLevel(Set.of("complaint-handling"), Set.of());
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update("complaint-handling"))).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update("personnel-vetting"))).isTrue();
    // a standalone task's variable belongs to no process
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update(null))).isTrue();
    // the variable's own history is decided on separately and stays
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, update("complaint-handling"))).isTrue();
    assertThat(new ProbityHistoryLevel(Set.of(), Set.of()).isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update("complaint-handling")))
        .isTrue();
    // as written in the environment: "a, b"
    assertThat(new ProbityHistoryLevel(Set.of("equality-program-approval", " complaint-handling ", ""), Set.of())
            .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, update("complaint-handling")))
        .isFalse();
    assertThat(level.getId()).isEqualTo(3);
    assertThat(level.getName()).isEqualTo("full");
  }

  @Test
  void aComplaintKeepsItsVariablesButNoLogOfTheirChanges() throws Exception {
    Map<String, Object> values = ComplaintFixtures.intake("threats", "low");
    HttpResponse<String> response =
        HttpSession.basic(port, "intake", "demo").postJson("/api/complaints", new ObjectMapper().writeValueAsString(values));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String reference = new ObjectMapper().readTree(response.body()).path("reference").asText();
    String instance = jdbc.queryForObject("select process_instance_id from complaint where reference = ?", String.class, reference);

    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ?", Integer.class, instance)).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", Integer.class, instance)).isZero();
    runtimeService.deleteProcessInstance(instance, "test over");
  }

  @Test
  void theLevelSkipsJobCreationsAndDeletionsOnlyOfTheNamedProcesses() {
    ProbityHistoryLevel level = new ProbityHistoryLevel(Set.of(), Set.of(" complaint-handling", ""));
    for (HistoryEventTypes type : List.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE)) {
      assertThat(level.isHistoryEventProduced(type, job("complaint-handling"))).as(type.name()).isFalse();
      assertThat(level.isHistoryEventProduced(type, job("personnel-vetting"))).as(type.name()).isTrue();
      assertThat(level.isHistoryEventProduced(type, job(null))).as(type.name() + ", a job of no process").isTrue();
    }
    // what happened when a job ran is logged for every process
    for (HistoryEventTypes type : List.of(HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_FAIL)) {
      assertThat(level.isHistoryEventProduced(type, job("complaint-handling"))).as(type.name()).isTrue();
    }
    assertThat(new ProbityHistoryLevel(Set.of(), Set.of()).isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, job("complaint-handling"))).isTrue();
  }

  @Test
  void aComplaintsTimersLogWhenTheyRunNotWhenTheyAreMadeOrDeleted() {
    String instance = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
    try {
      // the acknowledgement deadline's timer waits in ACT_RU_JOB, unlogged
      Job timer = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(timer).isNotNull();
      assertThat(jobLogStates(instance)).isEmpty();
      managementService.executeJob(timer.getId());
      // it ran: logged (2 = successful)
      assertThat(jobLogStates(instance)).containsExactly(2);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test over");
    }
    // a timer deleted unfired (here with its complaint) leaves no row at all
    String deleted = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
    assertThat(managementService.createJobQuery().processInstanceId(deleted).count()).isOne();
    runtimeService.deleteProcessInstance(deleted, "test over");
    assertThat(managementService.createJobQuery().processInstanceId(deleted).count()).isZero();
    assertThat(jobLogStates(deleted)).isEmpty();
  }

  @Test
  void anyOtherProcessKeepsTheLogOfEveryChange() {
    String deployment =
        repositoryService.createDeployment().name("routing-probe").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("routing-probe", Map.of("note", "first"));
      runtimeService.setVariable(instance.getId(), "note", "second");
      assertThat(jdbc.queryForList("select TEXT_ from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = 'note' order by SEQUENCE_COUNTER_", String.class, instance.getId()))
          .containsExactly("first", "second");
      assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'note'", String.class, instance.getId()))
          .isEqualTo("second");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private List<Integer> jobLogStates(String instance) {
    return jdbc.queryForList("select JOB_STATE_ from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? order by SEQUENCE_COUNTER_", Integer.class, instance);
  }

  private static JobEntity job(String processDefinitionKey) {
    MessageEntity job = new MessageEntity();
    job.setProcessDefinitionKey(processDefinitionKey);
    return job;
  }

  private static HistoricVariableUpdateEventEntity update(String processDefinitionKey) {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setProcessDefinitionKey(processDefinitionKey);
    event.setVariableName("route");
    return event;
  }
}
