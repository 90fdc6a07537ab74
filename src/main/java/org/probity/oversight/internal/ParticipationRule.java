package org.probity.oversight.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * Findings and votes come only from members taking part: a recused member (or anyone outside the
 * review) cannot submit them, even with a task handed over to them; a vote is for, against or abstain.
 */
@Component
class ParticipationRule implements SubmissionRule {

  static final Set<String> VOTES = Set.of("for", "against", "abstain");

  private final OversightReviews reviews;

  ParticipationRule(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return "oversight-review".equals(processDefinitionKey)
        && ("UserTask_RecordFindings".equals(activityId) || "UserTask_VoteOnReport".equals(activityId));
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, String> errors = new LinkedHashMap<>();
    boolean vote = "UserTask_VoteOnReport".equals(submission.activityId());
    String field = vote ? "vote" : "findings";
    Object reviewId = submission.processVariables().get("reviewId");
    String user = submission.userId();
    if (user != null && reviewId instanceof Long id) {
      if (reviews.isRecused(id, user)) {
        errors.put(field, "You are recused from this review and cannot submit " + (vote ? "a vote" : "findings"));
      } else if (!reviews.isParticipant(id, user)) {
        errors.put(field, "Only members taking part in this review can submit " + (vote ? "a vote" : "findings"));
      }
    }
    if (vote && !errors.containsKey(field) && !VOTES.contains(String.valueOf(submission.values().get("vote")))) {
      errors.put("vote", "A vote must be one of for, against, abstain");
    }
    return errors;
  }
}
