package org.probity.equality.internal;

import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * Decisions that send a program back or set it aside carry their reason: an incomplete proposal,
 * a finance return, a recusal from the committee vote.
 */
@Component
class ReasonRequiredRule implements SubmissionRule {

  /** activity -> (decision field, value needing a reason, reason field, message) */
  private record Requirement(String decisionField, String value, String reasonField, String message) {}

  private static final Map<String, Requirement> REQUIREMENTS = Map.of(
      EqualityProcess.CHECK_COMPLETENESS,
      new Requirement("completenessDecision", "incomplete", "revisionReason",
          "Reason for return: say what is missing from the proposal"),
      EqualityProcess.FINANCE_REVIEW,
      new Requirement("financeDecision", "return", "revisionReason",
          "Reason for return: say what the analyst must change in the budget"),
      EqualityProcess.CAST_VOTE,
      new Requirement("vote", "recuse", "voteReason", "Reason: a recusal states the conflict of interest"));

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return EqualityProcess.KEY.equals(processDefinitionKey) && REQUIREMENTS.containsKey(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Requirement r = REQUIREMENTS.get(submission.activityId());
    FormValues v = new FormValues(submission.values());
    if (r.value().equals(v.text(r.decisionField())) && !v.has(r.reasonField())) {
      return Map.of(r.reasonField(), r.message());
    }
    return Map.of();
  }
}
