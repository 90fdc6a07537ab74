package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.probity.personnel.PersonnelRegistry;
import org.springframework.stereotype.Component;

/**
 * The daily re-vetting check (timer start event of {@code personnel-re-vetting-schedule}): starts a periodic re-vetting for every active person
 * whose conditional clearance has reached its review date. The registry is the source of truth, so
 * this also covers clearances recorded outside a running process, and a new process version does not
 * strand years-long waiting timers. A started case marks the person's vetting in progress at once,
 * so the next day's check does not start it again.
 */
@Component
class StartDueReVettingsDelegate implements JavaDelegate {

  static final String STARTED = "reVettingsStarted";

  private final PersonnelRegistry registry;

  StartDueReVettingsDelegate(PersonnelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> due = registry.serviceNumbersDueForReview(today());
    for (String serviceNumber : due) {
      execution
          .getProcessEngineServices()
          .getRuntimeService()
          .startProcessInstanceByKey(PROCESS_KEY, Map.of(SERVICE_NUMBER, serviceNumber, REASON, "periodic-revetting"));
    }
    execution.setVariable(STARTED, due.size());
  }
}
