package org.probity.common.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs the shared form validation ({@link SubmissionGuard}) inside the engine, and the history
 * level that keeps personal data out of Camunda's history and skips the variable-update log and the
 * job log's creations and deletions where configured ({@link ProbityHistoryLevel}).
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SubmissionRule> rules;
  private final Set<String> variableUpdatesSkippedFor;
  private final Set<String> jobCreationAndDeletionSkippedFor;

  FormValidationPlugin(
      ObjectProvider<SubmissionRule> rules,
      @Value("${probity.history.variable-updates-skipped-for:}") Set<String> variableUpdatesSkippedFor,
      @Value("${probity.history.job-creation-and-deletion-skipped-for:}") Set<String> jobCreationAndDeletionSkippedFor) {
    this.rules = rules;
    this.variableUpdatesSkippedFor = variableUpdatesSkippedFor;
    this.jobCreationAndDeletionSkippedFor = jobCreationAndDeletionSkippedFor;
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
      configuration.setHistoryLevel(new ProbityHistoryLevel(variableUpdatesSkippedFor, jobCreationAndDeletionSkippedFor));
    }
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(added);
    return list;
  }
}
