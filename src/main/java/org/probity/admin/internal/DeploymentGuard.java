package org.probity.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.probity.admin.Violation;
import org.springframework.stereotype.Component;

/**
 * The one guard of every deployment: a pre-deployer inside the engine, so the Java API, Camunda's
 * REST API, Cockpit and the start-up auto-deployment of {@code processes/} all pass through it. It
 * refuses a deployment that breaks a rule with a {@link ParseException} whose report names each
 * element: {@code /engine-rest} answers that with 400 and the details; at start-up it stops the
 * application.
 *
 * <p>Only new deployments are judged; deployments already in the database are not re-judged
 * when the engine loads them, so a rule added later does not break running cases.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private final DeploymentRules rules;
  private final AdminEvents events;

  DeploymentGuard(DeploymentRules rules, AdminEvents events) {
    this.rules = rules;
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this);
    configuration.setCustomPreDeployers(deployers);
    rules.useEngine(configuration);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      resources.put(resource.getName(), resource.getBytes() == null ? new byte[0] : resource.getBytes());
    }
    List<Violation> violations = rules.validateDeployment(resources);
    if (violations.isEmpty()) {
      return;
    }
    events.deploymentRefused(deployment.getName(), violations);
    throw refusal(violations);
  }

  static ParseException refusal(List<Violation> violations) {
    List<Problem> problems = violations.stream().<Problem>map(ViolationProblem::new).toList();
    StringBuilder message = new StringBuilder("The deployment breaks Probity's rules: ");
    violations.forEach(v -> message.append(v).append("; "));
    return new ParseException(message.substring(0, message.length() - 2), violations.get(0).resource(), problems, List.of());
  }

  /** A violation as the engine's parse problem, so that REST clients get it in the usual details. */
  private record ViolationProblem(Violation violation) implements Problem {
    @Override
    public String getMessage() {
      return violation.resource() + ": " + violation.rule() + ": " + violation.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return violation.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return violation.elementId() == null ? List.of() : List.of(violation.elementId());
    }
  }
}
