package org.probity.tasks;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The tasks module's test process ({@code inbox-probe}: a start form, then two investigator tasks
 * with Camunda Forms), deployed with its forms under a distinctive key and removed after, with the
 * grant that lets intake officers start it.
 */
final class InboxProbe {

  static final String KEY = "inbox-probe";

  private final ProcessEngine engine;
  private String deploymentId;
  private String authorizationId;
  private static int counter;

  InboxProbe(ProcessEngine engine) {
    this.engine = engine;
  }

  InboxProbe deploy() {
    deploymentId =
        engine.getRepositoryService()
            .createDeployment()
            .name("tasks-module-test")
            .addClasspathResource("bpmn/inbox-probe.bpmn")
            .addClasspathResource("bpmn/inbox-probe-priority.dmn")
            .addClasspathResource("forms-test/inbox-probe-intake.form")
            .addClasspathResource("forms-test/inbox-probe-review.form")
            .addClasspathResource("forms-test/inbox-probe-finding.form")
            .deploy()
            .getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("intake-officers");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(KEY);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizationId = authorizations.saveAuthorization(grant).getId();
    return this;
  }

  void undeploy() {
    if (authorizationId != null) {
      engine.getAuthorizationService().deleteAuthorization(authorizationId);
    }
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  /** Starts a case as the intake officer, with a unique reference. */
  ProcessInstance start(String prefix) {
    String key = String.format("%s-%d-%06d", prefix, System.currentTimeMillis() % 100000, ++counter);
    Map<String, Object> variables = new HashMap<>();
    variables.put("summary", "Rough arrest at a checkpoint");
    variables.put("severity", "high");
    variables.put("reviewDue", "2099-01-31");
    engine.getIdentityService().setAuthentication("intake", java.util.List.of("intake-officers"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(KEY, key, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String taskId(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }
}
