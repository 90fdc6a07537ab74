package org.probity.equality.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.common.forms.Submission;
import org.probity.common.forms.SubmissionRule;
import org.springframework.stereotype.Component;

/**
 * The impact matrix is complete and honest: each cell of a named group either carries a baseline
 * gap with its evidence, or is flagged "data missing" and then carries no baseline (missing data is
 * recorded, never papered over with a number); cells of unnamed groups stay empty.
 */
@Component
class ImpactAssessmentRule implements SubmissionRule {

  @Override
  public boolean appliesTo(String processDefinitionKey, String activityId) {
    return EqualityProcess.KEY.equals(processDefinitionKey) && EqualityProcess.ASSESS_IMPACT.equals(activityId);
  }

  @Override
  public Map<String, String> check(Submission submission) {
    // a revision may send only what changed: the rules apply to the proposal as it will stand
    FormValues v = new FormValues(FormValues.asItWillStand(submission));
    Map<String, String> errors = new LinkedHashMap<>();
    for (int g = 1; g <= ImpactMatrix.GROUP_SLOTS; g++) {
      boolean named = v.has("group" + g + "Name");
      for (Dimension d : Dimension.values()) {
        String cell = "Group " + g + ", " + d.label;
        String gap = ImpactMatrix.key(g, d, "Gap");
        String missing = ImpactMatrix.key(g, d, "DataMissing");
        if (!named) {
          for (String part : new String[] {"Gap", "Change", "Evidence"}) {
            if (v.has(ImpactMatrix.key(g, d, part))) {
              errors.put(ImpactMatrix.key(g, d, part), cell + ": name group " + g + " first, or leave its cells empty");
            }
          }
          if (v.flag(missing)) {
            errors.put(missing, cell + ": name group " + g + " first, or leave its cells empty");
          }
        } else if (v.flag(missing) && v.has(gap)) {
          errors.put(gap, cell + ": data is marked missing, so the baseline gap must stay empty");
        } else if (!v.flag(missing) && !v.has(gap)) {
          errors.put(gap, cell + ": give the baseline gap, or tick \"data missing\"");
        } else if (!v.flag(missing) && !v.has(ImpactMatrix.key(g, d, "Evidence"))) {
          errors.put(ImpactMatrix.key(g, d, "Evidence"), cell + ": give the evidence for the baseline gap");
        }
      }
    }
    return errors;
  }
}
