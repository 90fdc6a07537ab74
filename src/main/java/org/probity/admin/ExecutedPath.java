package org.probity.admin;

import java.util.List;

/**
 * The path a process instance took, from history, as ids of its diagram's elements: activities it
 * completed, sequence flows it took, activities it is in now. See {@link ExecutedPaths} for the rule.
 */
public record ExecutedPath(
    String processInstanceId,
    String processDefinitionId,
    boolean ended,
    List<String> completedActivityIds,
    List<String> takenFlowIds,
    List<String> currentActivityIds) {}
