package org.probity.vetting.internal;

import static org.probity.vetting.internal.VettingVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Completeness check: all three declarations (assets, prior service, education) are in. */
@Component
class CheckDeclarationsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing = DECLARATIONS.stream().filter(d -> !flag(execution, d)).toList();
    execution.setVariable(DECLARATIONS_COMPLETE, missing.isEmpty());
    execution.setVariable(MISSING_DECLARATIONS, missing.isEmpty() ? null : String.join(",", missing));
  }
}
