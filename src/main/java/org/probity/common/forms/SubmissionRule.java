package org.probity.common.forms;

import java.util.Map;

/**
 * A business rule on form submissions, beyond what the form's schema says (which the engine checks
 * for every form: required, type, allowed values, min/max, length, pattern, no unknown fields).
 * Feature modules declare rules as Spring beans; the engine runs every rule that applies, inside
 * the transaction of the completion or start, so a refusal stores nothing and answers HTTP 400 on
 * every door with each field's message.
 */
public interface SubmissionRule {

  /** Whether this rule checks submissions of that activity ({@link Submission#START} for a start form). */
  boolean appliesTo(String processDefinitionKey, String activityId);

  /** Field key to message for each violation; empty when the submission is acceptable. */
  Map<String, String> check(Submission submission);
}
