package org.probity.common.forms;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "full", less three things:
 *
 * <ul>
 *   <li>the history of personal-data variables ({@code pii*}): Camunda's history tables can be
 *       read and changed by anyone with database access and cannot be encrypted, so names and
 *       contacts never reach them;
 *   <li>the log of variable updates (ACT_HI_DETAIL) of the processes named in {@code
 *       probity.history.variable-updates-skipped-for}: their variables' values are still kept
 *       (ACT_HI_VARINST, read by the case page and the exports), only the row per change is not.
 *       Nothing in Probity reads that log, and for complaint-handling the record of who decided
 *       what is Probity's own (complaint tables, hash-chained audit trail); writing it was a fifth
 *       of an intake's inserts (20 rows, each into a table of 12 indexes).
 *   <li>the job log's rows for a job's creation and deletion (ACT_HI_JOB_LOG) of the processes
 *       named in {@code probity.history.job-creation-and-deletion-skipped-for}: a complaint's
 *       deadline timers are made at intake and at each investigation, and most are deleted
 *       unfired when the task is done in time. What happens when a job runs (success, failure
 *       with its stack trace) is still logged; the jobs themselves stay in ACT_RU_JOB while they
 *       wait. Nothing in Probity reads that log.
 * </ul>
 *
 * Same id and name as Camunda's full level, so the database's recorded history level stays valid.
 */
public class ProbityHistoryLevel extends HistoryLevelFull {

  private final Set<String> variableUpdatesSkippedFor;
  private final Set<String> jobCreationAndDeletionSkippedFor;

  /** Process keys (surrounding blanks ignored: "a, b" from the environment). */
  public ProbityHistoryLevel(Set<String> variableUpdatesSkippedFor, Set<String> jobCreationAndDeletionSkippedFor) {
    this.variableUpdatesSkippedFor = keys(variableUpdatesSkippedFor);
    this.jobCreationAndDeletionSkippedFor = keys(jobCreationAndDeletionSkippedFor);
  }

  /** Null-safe: a standalone task's variable or a batch's job has no process (and Set.of rejects null). */
  private static boolean named(Set<String> keys, String processDefinitionKey) {
    return processDefinitionKey != null && keys.contains(processDefinitionKey);
  }

  private static Set<String> keys(Set<String> configured) {
    return configured.stream().map(String::strip).filter(key -> !key.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    // submitted form fields (ACT_HI_DETAIL, TYPE_ FormProperty): the engine asks once per submission
    // with the execution as entity, so pii* fields cannot be told apart here; the same values are
    // kept by the variable history below, filtered
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      return false;
    }
    if (entity instanceof VariableInstance variable && PersonalDataVariables.isPersonal(variable.getName())) {
      return false;
    }
    // asked per variable change with the change's event, after ACT_HI_VARINST was decided on
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && entity instanceof HistoryEvent event
        && named(variableUpdatesSkippedFor, event.getProcessDefinitionKey())) {
      return false;
    }
    if ((eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE)
        && entity instanceof Job job
        && named(jobCreationAndDeletionSkippedFor, job.getProcessDefinitionKey())) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }
}
