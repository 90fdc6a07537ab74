package org.probity.identity.internal;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Camunda's authorization checks with one change: starting a process needs CREATE on process
 * instances and CREATE_INSTANCE on the definition, as in the engine, but both are asked in one
 * query (a conjunctive check, as the engine's own migration check asks for two permissions)
 * instead of one query each. A refusal names both permissions.
 */
final class StartAuthorizationCheck extends AuthorizationCommandChecker {

  @Override
  public void checkCreateProcessInstance(ProcessDefinition processDefinition) {
    getAuthorizationManager()
        .checkAuthorization(
            new PermissionCheckBuilder()
                .conjunctive()
                .atomicCheckForResourceId(PROCESS_INSTANCE, null, CREATE)
                .atomicCheckForResourceId(PROCESS_DEFINITION, processDefinition.getKey(), CREATE_INSTANCE)
                .build());
  }
}
