package org.probity.oversight.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * Recommendations: a deadline after today; the institution's response and the follow-up name only
 * recommendations of this review that are still open, a partial rejection names at least one, and
 * no number is both implemented and rejected.
 */
@Component
class RecommendationRule implements SubmissionRule {

  private final OversightReviews reviews;

  RecommendationRule(OversightReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return "oversight-review".equals(processDefinitionKey)
        && List.of("UserTask_AddRecommendation", "UserTask_RecordInstitutionResponse", "UserTask_ReviewFollowUp").contains(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> values = submission.values();
    switch (submission.activityId()) {
      case "UserTask_AddRecommendation" -> {
        LocalDate deadline = FormValues.date(values.get("recommendationDeadline"));
        if (deadline == null || !deadline.isAfter(OversightReviews.today())) {
          errors.put("recommendationDeadline", "Set a deadline after today");
        }
      }
      case "UserTask_RecordInstitutionResponse" -> {
        boolean partial = "rejected-some".equals(values.get("institutionResponse"));
        List<Integer> rejected = openNumbers(submission, "rejectedRecommendations", errors);
        if (partial && rejected != null && rejected.isEmpty()) {
          errors.put("rejectedRecommendations", "Name the rejected recommendations by number");
        } else if (!partial && rejected != null && !rejected.isEmpty()) {
          errors.put("rejectedRecommendations", "Leave empty when all recommendations are accepted");
        }
      }
      default -> {
        List<Integer> implemented = openNumbers(submission, "implementedRecommendations", errors);
        List<Integer> rejected = openNumbers(submission, "rejectedInFollowUp", errors);
        if (implemented != null && rejected != null) {
          Set<Integer> both = new HashSet<>(implemented);
          both.retainAll(rejected);
          if (!both.isEmpty()) {
            errors.put("rejectedInFollowUp", "Recommendation " + both.iterator().next() + " cannot be both implemented and rejected");
          }
        }
      }
    }
    return errors;
  }

  /** The numbers in a field, or null after recording an error when one is unreadable or not open. */
  private List<Integer> openNumbers(Submission submission, String field, Map<String, String> errors) {
    List<Integer> numbers;
    try {
      numbers = FormValues.numbers(submission.values().get(field));
    } catch (IllegalArgumentException e) {
      errors.put(field, e.getMessage());
      return null;
    }
    if (numbers.isEmpty() || !(submission.processVariables().get("reviewId") instanceof Long id)) {
      return numbers;
    }
    List<Integer> open = reviews.openRecommendations(id);
    for (int number : numbers) {
      if (!open.contains(number)) {
        errors.put(field, "Recommendation " + number + " is not an open recommendation of this review (open: " + open + ")");
        return null;
      }
    }
    return numbers;
  }
}
