package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.probity.complaint.ComplaintProcess;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The VettingReviewRequested message reaches a vetting process when one exists: a waiting one for
 * the same officer is correlated, else one that starts on the message is started. (Without either,
 * the request is recorded: see ComplaintProcessTest.) The probes are deployed and removed here.
 */
@ProbityTest
class ComplaintVettingRequestTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired FormService formService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReceiptCodes receipts;

  String sustainedSeriousComplaintAgainst(String serviceNumber) {
    Map<String, Object> values = ComplaintFixtures.anonymous("excessive-force", "serious");
    values.put("subjectServiceNumber", serviceNumber);
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(definition, values);
    receipts.forget();
    complete(pi.getId(), "UserTask_TriageComplaint", Map.of("route", "independent-investigation"));
    complete(pi.getId(), "UserTask_InvestigateComplaint", Map.of("investigationAction", "findings", "finding1", "sustained", "finding1Reason", "Video."));
    complete(pi.getId(), "UserTask_CommitteeReview", Map.of("committeeDecision", "confirm", "committeeReasons", "Agreed."));
    return jdbc.queryForObject("select reference from complaint where process_instance_id = ?", String.class, pi.getId());
  }

  void complete(String instance, String activity, Map<String, Object> values) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult().getId(), values);
  }

  @Test
  void aWaitingVettingProcessIsCorrelatedAndOtherwiseOneIsStarted() {
    // personnel-vetting (deployed from processes/) starts on the message; this probe waits for it
    String deployment =
        repositoryService.createDeployment().name("vetting-probes")
            .addClasspathResource("bpmn/vetting-wait-probe.bpmn")
            .deploy().getId();
    try {
      String waitingOfficer = ComplaintFixtures.freshServiceNumber();
      ProcessInstance waiting = runtimeService.startProcessInstanceByKey("vetting-wait-probe", Map.of("serviceNumber", waitingOfficer));
      String correlated = sustainedSeriousComplaintAgainst(waitingOfficer);
      assertThat(jdbc.queryForObject("select delivery from complaint_vetting_request where reference = ?", String.class, correlated)).isEqualTo("correlated");
      assertThat(runtimeService.getVariable(waiting.getId(), "complaintReference")).isEqualTo(correlated);

      String otherOfficer = ComplaintFixtures.freshServiceNumber();
      String started = sustainedSeriousComplaintAgainst(otherOfficer);
      assertThat(jdbc.queryForObject("select delivery from complaint_vetting_request where reference = ?", String.class, started)).isEqualTo("started");
      assertThat(historyService.createHistoricProcessInstanceQuery()
              .processDefinitionKey("personnel-vetting")
              .variableValueEquals("serviceNumber", otherOfficer)
              .count())
          .isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
