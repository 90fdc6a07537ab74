package org.probity.vetting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.vetting.ComplaintRecordSummary;
import org.probity.vetting.ComplaintRecordsCheck;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The complaint-records check without the complaint module (no bean: the state of this branch in
 * production until the lead's merge), with a failing source, and with records. Real Spring bean
 * factories provide the beans; nothing is mocked.
 */
class ComplaintRecordsAttachmentTest {

  static ComplaintRecordsAttachment with(ComplaintRecordsCheck... checks) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    for (int i = 0; i < checks.length; i++) {
      beans.addBean("check" + i, checks[i]);
    }
    return new ComplaintRecordsAttachment(beans.getBeanProvider(ComplaintRecordsCheck.class));
  }

  @Test
  void withoutAComplaintModuleTheFileSaysTheRecordsAreNotAvailable() {
    assertThat(with().variablesFor("PD-1001"))
        .containsEntry("complaintRecordsAvailable", false)
        .containsEntry("complaintRecords", "complaint records not available")
        .containsEntry("complaintRecordCount", 0);
  }

  @Test
  void aFailingCheckDoesNotFailTheVetting() {
    ComplaintRecordsCheck failing = sn -> {
      throw new IllegalStateException("complaint database down");
    };
    assertThat(with(failing).variablesFor("PD-1001")).containsEntry("complaintRecords", "complaint records not available");
  }

  @Test
  void recordsAreSummarisedWithTheirPatternFlag() {
    ComplaintRecordsCheck check =
        sn -> List.of(new ComplaintRecordSummary("CMP-2026-000123", LocalDate.of(2026, 3, 1), List.of("torture"), List.of("sustained"), true));
    assertThat(with(check).variablesFor("PD-1001"))
        .containsEntry("complaintRecordsAvailable", true)
        .containsEntry("complaintRecordCount", 1)
        .containsEntry("complaintPatternFlag", true)
        .containsEntry("complaintRecords", "CMP-2026-000123 (2026-03-01): torture; findings: sustained; pattern");
    assertThat(with(sn -> List.of()).variablesFor("PD-1001")).containsEntry("complaintRecords", "no complaints");
  }
}
