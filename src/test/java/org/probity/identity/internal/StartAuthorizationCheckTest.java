package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A start needs both CREATE on process instances and CREATE_INSTANCE on the definition, asked in one query. */
@ProbityTest
class StartAuthorizationCheckTest {

  static final String USER = "start-probe";

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  String deploymentId;
  final List<String> grants = new ArrayList<>();

  @BeforeEach
  void deploy() {
    deploymentId = repositoryService.createDeployment().name("routing-probe").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    identityService.clearAuthentication();
    grants.forEach(authorizationService::deleteAuthorization);
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void isTheEnginesAuthorizationChecker() {
    assertThat(((ProcessEngineConfigurationImpl) configuration).getCommandCheckers()).hasAtLeastOneElementOfType(StartAuthorizationCheck.class);
  }

  @Test
  void bothPermissionsAreNeeded() {
    assertThat(startAsProbe()).as("neither").isFalse();
    String onDefinition = grant(Resources.PROCESS_DEFINITION, "routing-probe", Permissions.CREATE_INSTANCE);
    assertThat(startAsProbe()).as("CREATE_INSTANCE only").isFalse();
    authorizationService.deleteAuthorization(onDefinition);
    grants.remove(onDefinition);
    grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    assertThat(startAsProbe()).as("CREATE only").isFalse();
    grant(Resources.PROCESS_DEFINITION, "routing-probe", Permissions.CREATE_INSTANCE);
    assertThat(startAsProbe()).as("both").isTrue();
  }

  @Test
  void aRefusalNamesBothPermissions() {
    identityService.setAuthentication(USER, List.of());
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("routing-probe"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("'CREATE' permission on resource 'ProcessInstance'")
        .hasMessageContaining("'CREATE_INSTANCE' permission on resource 'routing-probe' of type 'ProcessDefinition'");
  }

  private boolean startAsProbe() {
    identityService.setAuthentication(USER, List.of());
    try {
      runtimeService.startProcessInstanceByKey("routing-probe");
      return true;
    } catch (AuthorizationException refused) {
      return false;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String grant(Resource resource, String resourceId, Permissions permission) {
    Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setUserId(USER);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    String id = authorizationService.saveAuthorization(a).getId();
    grants.add(id);
    return id;
  }
}
