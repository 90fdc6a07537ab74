package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.probity.complaint.internal.ComplaintFixtures;
import org.probity.support.H2Statements;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's authorization manager asks neither for the groups that have authorizations nor, for
 * a single check, whether a revoke exists, and answers as Camunda's does: for a group with grants,
 * a group without, a revoke (on a check, a start and a query) (H2's statement statistics count the
 * questions).
 */
@ProbityTest
class OneQueryAuthorizationManagerTest {

  static final String USER = "groups-probe";
  /** Camunda's read of every group that has an authorization (selectAuthorizedGroupIds). */
  static final String AUTHORIZED_GROUPS = "%distinct(A.GROUP_ID_)%ACT_RU_AUTHORIZATION%";
  /** Camunda's question whether a revoke concerns the user (selectRevokeAuthorization). */
  static final String ANY_REVOKE = "%ACT_RU_AUTHORIZATION%WHERE TYPE_ = 2%USER_ID_ IN (?, '*')%";

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;
  final List<String> authorizations = new ArrayList<>();

  @AfterEach
  void clean() {
    identityService.clearAuthentication();
    authorizations.forEach(authorizationService::deleteAuthorization);
  }

  @Test
  void isTheEnginesManager() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    AuthorizationManager manager =
        engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(OneQueryAuthorizationManager.class);
  }

  @Test
  void groupsAreNotReadAndAnswersAreCamundas() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    H2Statements.record(jdbc, true);
    try {
      long before = H2Statements.count(jdbc, AUTHORIZED_GROUPS);
      long revokeQuestions = H2Statements.count(jdbc, ANY_REVOKE);
      // intake officers may start complaints; a group without any authorization adds nothing
      assertThat(mayStartComplaints(List.of("groups-probe-none", "intake-officers"))).isTrue();
      assertThat(mayStartComplaints(List.of("groups-probe-none"))).isFalse();
      assertThat(mayStartComplaints(List.of())).isFalse();
      // queries filter by the same groups
      assertThat(visibleDefinitionKeys(List.of("groups-probe-none", "intake-officers"))).contains("complaint-handling");
      assertThat(visibleDefinitionKeys(List.of("groups-probe-none"))).isEmpty();
      assertThat(H2Statements.count(jdbc, AUTHORIZED_GROUPS) - before).isZero();
      // single checks ask no revoke question; the queries (two) still do, as in Camunda
      long afterChecks = H2Statements.count(jdbc, ANY_REVOKE);
      assertThat(afterChecks - revokeQuestions).isEqualTo(2);
      assertThat(startComplaint(List.of("intake-officers"))).isTrue();
      assertThat(H2Statements.count(jdbc, ANY_REVOKE)).isEqualTo(afterChecks);

      // a revoke for the user still beats the group's grant
      Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId(USER);
      revoke.setResource(Resources.PROCESS_DEFINITION);
      revoke.setResourceId("complaint-handling");
      revoke.removePermission(Permissions.CREATE_INSTANCE);
      authorizations.add(authorizationService.saveAuthorization(revoke).getId());
      assertThat(mayStartComplaints(List.of("groups-probe-none", "intake-officers"))).isFalse();
      assertThat(startComplaint(List.of("intake-officers"))).isFalse();
      assertThat(visibleDefinitionKeys(List.of("intake-officers"))).contains("complaint-handling");
      // and a grant to a group that had none counts at once
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("groups-probe-none");
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("complaint-handling");
      grant.addPermission(Permissions.READ);
      authorizations.add(authorizationService.saveAuthorization(grant).getId());
      assertThat(visibleDefinitionKeys(List.of("groups-probe-none"))).containsOnly("complaint-handling");
    } finally {
      H2Statements.record(jdbc, false);
    }
  }

  private boolean mayStartComplaints(List<String> groups) {
    return authorizationService.isUserAuthorized(USER, groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "complaint-handling");
  }

  /** Starts a complaint as the probe user in the groups (one command: the start's own check). */
  private boolean startComplaint(List<String> groups) {
    identityService.setAuthentication(USER, groups);
    try {
      String id = runtimeService.startProcessInstanceByKey("complaint-handling", ComplaintFixtures.intake("threats", "low")).getId();
      identityService.clearAuthentication();
      runtimeService.deleteProcessInstance(id, "test done");
      return true;
    } catch (AuthorizationException refused) {
      return false;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> visibleDefinitionKeys(List<String> groups) {
    identityService.setAuthentication(USER, groups);
    try {
      return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey).distinct().toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

}
