package org.probity.common.forms;

import java.util.Map;

/**
 * A form submission as the engine sees it, whichever door it came through (Probity's pages or
 * {@code /api}, Camunda's {@code /engine-rest}, Tasklist): a start form or a task completion.
 *
 * @param processDefinitionKey the process
 * @param activityId the user task's id, or {@link #START} for the start form
 * @param userId the authenticated user (null for the system itself)
 * @param userGroups the user's groups (roles)
 * @param values the submitted values, by field key
 * @param processVariables the instance's variables before this submission (empty for a start)
 */
public record Submission(
    String processDefinitionKey,
    String activityId,
    String userId,
    java.util.List<String> userGroups,
    Map<String, Object> values,
    Map<String, Object> processVariables) {

  public static final String START = "start";

  public boolean isStart() {
    return START.equals(activityId);
  }
}
