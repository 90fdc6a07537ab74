package org.probity.complaint.internal;

import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/** The chair's choice of investigator obeys the same conflict-of-interest rule as the automatic one. */
@Component
class InvestigatorChoiceRule implements SubmissionRule {

  private final ComplaintService complaints;

  InvestigatorChoiceRule(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return ComplaintProcess.KEY.equals(processDefinitionKey) && "UserTask_ChooseInvestigator".equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    String chosen = IntakeRules.text(submission.values(), "chosenInvestigator");
    String reference = (String) submission.processVariables().get("complaintReference");
    if (chosen == null || reference == null) {
      return Map.of();
    }
    return complaints.ineligibility(reference, chosen).map(reason -> Map.of("chosenInvestigator", chosen + " " + reason)).orElse(Map.of());
  }
}
