package org.probity.oversight.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/** Declarations and rulings: a declared conflict is described; a recusal names its reason. */
@Component
class RulingRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return "oversight-review".equals(processDefinitionKey)
        && ("UserTask_RuleOnDeclaration".equals(activityId) || "UserTask_DeclareInterests".equals(activityId));
  }

  @Override
  public Map<String, String> check(Submission submission) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> values = submission.values();
    if ("UserTask_DeclareInterests".equals(submission.activityId())) {
      if ("conflict".equals(values.get("conflictDeclared")) && FormValues.blank(values.get("declarationDetails"))) {
        errors.put("declarationDetails", "Describe the conflict of interest you declare");
      }
      return errors;
    }
    Object ruling = values.get("ruling");
    if (!OversightReviews.PARTICIPATE.equals(ruling) && !OversightReviews.RECUSE.equals(ruling)) {
      errors.put("ruling", "The ruling must be participate or recuse");
    } else if (OversightReviews.RECUSE.equals(ruling) && FormValues.blank(values.get("rulingReason"))) {
      errors.put("rulingReason", "A recusal must name its reason");
    }
    return errors;
  }
}
