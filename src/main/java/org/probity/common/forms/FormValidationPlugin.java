package org.probity.common.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the shared form validation ({@link SubmissionGuard}) inside the engine, and the history
 * level that keeps personal data out of Camunda's history ({@link PersonalDataHistoryLevel}).
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SubmissionRule> rules;

  FormValidationPlugin(ObjectProvider<SubmissionRule> rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // rules are looked up at each submission: they may need beans that need the engine
    SubmissionGuard guard = new SubmissionGuard(rules::orderedStream);
    configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), guard));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if ("full".equalsIgnoreCase(configuration.getHistoryLevel().getName())) {
      configuration.setHistoryLevel(new PersonalDataHistoryLevel());
    }
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(added);
    return list;
  }
}
