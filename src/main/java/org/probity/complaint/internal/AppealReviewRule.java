package org.probity.complaint.internal;

import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/** An appeal is reviewed by someone other than the investigator(s) who investigated the complaint. */
@Component
class AppealReviewRule implements SubmissionRule {

  private final ComplaintService complaints;

  AppealReviewRule(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return ComplaintProcess.KEY.equals(processDefinitionKey) && "UserTask_ReviewAppeal".equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    String reference = (String) submission.processVariables().get("complaintReference");
    if (submission.userId() != null && reference != null && complaints.assignedInvestigators(reference).contains(submission.userId())) {
      return Map.of("appealDecision", "the investigator of the complaint may not review its appeal");
    }
    return Map.of();
  }
}
