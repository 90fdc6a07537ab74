package org.probity.complaint.internal;

import java.util.Map;
import java.util.Objects;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/** A triage officer who departs from the recommended route says why. */
@Component
class TriageOverrideRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return ComplaintProcess.KEY.equals(processDefinitionKey) && "UserTask_TriageComplaint".equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Object recommended = submission.processVariables().get("recommendedRoute");
    String route = IntakeRules.text(submission.values(), "route");
    if (route != null && !Objects.equals(route, recommended) && IntakeRules.text(submission.values(), "routeOverrideReason") == null) {
      return Map.of("routeOverrideReason", "is required when the route differs from the recommended " + recommended);
    }
    return Map.of();
  }
}
