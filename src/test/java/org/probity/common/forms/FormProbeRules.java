package org.probity.common.forms;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Test-only business rules of the test process {@code form-probe}. */
@Component
class FormProbeRules implements SubmissionRule {

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return "form-probe".equals(processDefinitionKey);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    if (submission.isStart()) {
      return "high".equals(submission.values().get("priority")) && submission.values().get("amount") == null
          ? Map.of("amount", "is required when the priority is high")
          : Map.of();
    }
    return "reject".equals(submission.values().get("decision")) && submission.values().get("reasons") == null
        ? Map.of("reasons", "are required for a rejection")
        : Map.of();
  }
}
