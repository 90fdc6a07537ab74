package org.probity.admin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Test-only delegate of the admin tests (a Probity delegate by the allow-list's rule: under
 * org.probity, class name ending in Delegate). Fails while the variable {@code fail} is true, so
 * that tests can raise incidents.
 */
@Component("adminProbeDelegate")
public class AdminProbeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
      throw new IllegalStateException("probe asked to fail");
    }
    execution.setVariable("recorded", true);
  }

  public boolean isUrgent(String severity, int level) {
    return "high".equals(severity) || level > 3;
  }
}
