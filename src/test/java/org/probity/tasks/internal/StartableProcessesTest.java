package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.probity.identity.Role;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * {@link StartableProcesses} gives, for every role, the processes Camunda's own
 * {@code startablePermissionCheck()} query run as the user gives, and follows a grant and a revoke.
 */
@ProbityTest
class StartableProcessesTest {

  @Autowired StartableProcesses startable;
  @Autowired ProcessEngine engine;
  @Autowired ActingUser acting;

  @Test
  void eachRoleMayStartWhatCamundasQuerySays() {
    int startableSomewhere = 0;
    for (Role role : Role.values()) {
      Authentication user = user("startable-" + role.id(), role.id());
      List<String> ours = startable.list(user).stream().map(InboxQuery.Definition::key).sorted().toList();
      assertThat(ours).as(role.id()).isEqualTo(camunda(user));
      startableSomewhere += ours.size();
      for (String key : List.of("complaint-handling", "personnel-vetting", "oversight-review", "equality-program-approval")) {
        assertThat(startable.latest(user, key).isPresent()).as(role.id() + " " + key).isEqualTo(camundaMayStart(user, key));
      }
    }
    assertThat(startableSomewhere).isPositive();
    assertThat(startable.list(user("startable-intake", Role.INTAKE_OFFICERS.id())))
        .extracting(InboxQuery.Definition::key)
        .contains("complaint-handling")
        .doesNotContain("personnel-vetting");
  }

  @Test
  void aGrantToTheUserAndARevokeForTheirGroupCount() {
    Authentication user = user("startable-granted", Role.INVESTIGATORS.id());
    assertThat(startable.latest(user, "personnel-vetting")).isEmpty();
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user.getName());
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("personnel-vetting");
    grant.addPermission(ProcessDefinitionPermissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    String granted = engine.getAuthorizationService().saveAuthorization(grant).getId();
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user.getName());
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("complaint-handling");
    revoke.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    String revoked = engine.getAuthorizationService().saveAuthorization(revoke).getId();
    try {
      assertThat(startable.latest(user, "personnel-vetting")).isPresent();
      assertThat(startable.list(user)).extracting(InboxQuery.Definition::key).isEqualTo(camunda(user));
      // a user revoke beats a group grant (intake officers may start complaints)
      Authentication intake = user(user.getName(), Role.INTAKE_OFFICERS.id());
      assertThat(startable.latest(intake, "complaint-handling")).isEmpty();
    } finally {
      engine.getAuthorizationService().deleteAuthorization(granted);
      engine.getAuthorizationService().deleteAuthorization(revoked);
    }
  }

  private List<String> camunda(Authentication user) {
    return acting.call(
        user,
        () ->
            engine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion()
                .startablePermissionCheck()
                .startableInTasklist()
                .active()
                .list().stream()
                .map(ProcessDefinition::getKey)
                .sorted()
                .toList());
  }

  private boolean camundaMayStart(Authentication user, String key) {
    return acting.call(
            user,
            () -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().startablePermissionCheck().active().count())
        > 0;
  }

  private static Authentication user(String name, String group) {
    return new UsernamePasswordAuthenticationToken(name, null, List.of(new SimpleGrantedAuthority(group)));
  }
}
