package org.probity.common.decisions;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine Camunda's own FEEL engine (the Scala one, same semantics, same value
 * mappers and function providers), with each text parsed once and the common literal shapes answered
 * directly ({@link CamundaFeelEngine}).
 * Camunda's legacy FEEL engine also caches, but it evaluates input expressions and output entries
 * as JUEL, which the deployment rules keep out of decision tables; this keeps FEEL throughout.
 */
@Component
class DecisionEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // an operator chose the legacy engine explicitly: leave it to Camunda
    }
    DefaultDmnEngineConfiguration dmn =
        configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // custom function providers are set on the DMN configuration while the engine builds it,
    // after this plugin runs: read them when the FEEL engine is created
    dmn.setFeelEngineFactory(new ParseOnceFactory(dmn));
    configuration.setDmnEngineConfiguration(dmn);
  }

  private record ParseOnceFactory(DefaultDmnEngineConfiguration dmn) implements FeelEngineFactory {
    @Override
    public FeelEngine createInstance() {
      List<FeelCustomFunctionProvider> providers = dmn.getFeelCustomFunctionProviders();
      return new CamundaFeelEngine(providers == null ? List.of() : providers);
    }
  }
}
