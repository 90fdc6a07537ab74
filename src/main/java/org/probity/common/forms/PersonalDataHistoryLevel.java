package org.probity.common.forms;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "full", less the history of personal-data variables ({@code pii*}): Camunda's
 * history tables can be read and changed by anyone with database access and cannot be encrypted, so
 * names and contacts never reach them. Same id and name as Camunda's full level, so the database's
 * recorded history level stays valid.
 */
public class PersonalDataHistoryLevel extends HistoryLevelFull {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstance variable && PersonalDataVariables.isPersonal(variable.getName())) {
      return false;
    }
    return super.isHistoryEventProduced(eventType, entity);
  }
}
