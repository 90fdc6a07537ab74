package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.complaint.ComplaintProcess;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notices by e-mail through a real in-process SMTP server (GreenMail on the port the test profile
 * gives spring.mail), recorded on the case either way; anonymous complainants get them on the portal.
 */
@ProbityTest
class ComplaintNotificationTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired ReceiptCodes receipts;

  ProcessInstance start(Map<String, Object> values) {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(definition, values);
    receipts.forget();
    return pi;
  }

  void complete(ProcessInstance pi, String activity, Map<String, Object> values) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).singleResult().getId(), values);
  }

  @Test
  void acknowledgementExtensionAndOutcomeAreEmailedAndRecorded() throws Exception {
    ProcessInstance pi = start(ComplaintFixtures.intake("discrimination", "low"));
    String reference = pi.getBusinessKey() != null ? pi.getBusinessKey() : jdbc.queryForObject("select reference from complaint where process_instance_id = ?", String.class, pi.getId());
    complete(pi, "UserTask_AcknowledgeComplaint", Map.of("acknowledgementNote", "Please bring the receipt of the fine."));
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage ack = smtp.getReceivedMessages()[0];
    assertThat(ack.getAllRecipients()[0].toString()).isEqualTo(ComplaintFixtures.COMPLAINANT_EMAIL);
    assertThat(ack.getSubject()).contains(reference);
    assertThat(GreenMailUtil.getBody(ack)).contains("We have received your complaint").contains("receipt of the fine");

    complete(pi, "UserTask_TriageComplaint", Map.of("route", "internal-investigation", "routeOverrideReason", "Repeated conduct."));
    complete(pi, "UserTask_InvestigateComplaint",
        Map.of("investigationAction", "extension", "extensionReason", "Witness abroad.", "extensionUntil", LocalDate.now().plusDays(90).toString()));
    assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).contains("needs more time");

    complete(pi, "UserTask_InvestigateComplaint", Map.of("investigationAction", "findings", "finding1", "exonerated", "finding1Reason", "Lawful."));
    assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[2])).contains("is complete").contains("exonerated");

    assertThat(jdbc.queryForList("select kind from complaint_notice where reference = ? and channel = 'e-mail' and delivered = ?", String.class, reference, true))
        .containsExactlyInAnyOrder("acknowledgement", "extension", "outcome");
    assertThat(jdbc.queryForObject("select count(*) from complaint_notice where reference = ? and created_at is not null", Integer.class, reference)).isEqualTo(3);
  }

  @Test
  void anonymousComplainantsReadTheirNoticesOnThePortalOnly() {
    ProcessInstance pi = start(ComplaintFixtures.anonymous("threats", "low"));
    String reference = jdbc.queryForObject("select reference from complaint where process_instance_id = ?", String.class, pi.getId());
    complete(pi, "UserTask_AcknowledgeComplaint", Map.of());
    assertThat(jdbc.queryForObject("select channel from complaint_notice where reference = ? and kind = 'acknowledgement'", String.class, reference)).isEqualTo("portal");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @org.junit.jupiter.api.AfterEach
  void endRunningComplaints() {
    ComplaintFixtures.endRunningComplaints(runtimeService);
  }
}
