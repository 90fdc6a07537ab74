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
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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

  /** Camunda's statement for several alternative checks (disjunctiveAtomicChecks: nested IFNULLs). */
  static final String ALTERNATIVES = "%IFNULL((%ACT_RU_AUTHORIZATION%IFNULL((%";

  @Test
  void ofSeveralAlternativeChecksTheFirstAloneAnswersAGrantAndCamundasWholeStatementTheRest() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // may the probe user (group "groups-probe-a") read definition "probe-first" or "probe-second"?
    CompositePermissionCheck readEither = new CompositePermissionCheck(true);
    for (String key : List.of("probe-first", "probe-second")) {
      PermissionCheck check = new PermissionCheck();
      check.setPermission(Permissions.READ);
      check.setResource(Resources.PROCESS_DEFINITION);
      check.setResourceId(key);
      readEither.addAtomicCheck(check);
    }
    H2Statements.record(jdbc, true);
    try {
      // no grant at all: the whole statement is asked, and refuses
      assertThat(answers(readEither)).containsExactly(false, false);
      assertThat(H2Statements.count(jdbc, ALTERNATIVES)).isEqualTo(2); // Camunda's manager and this one

      // a grant on the second: the first alone does not decide, the whole statement grants
      authorizations.add(groupAuthorization(Authorization.AUTH_TYPE_GRANT, "probe-second"));
      assertThat(answers(readEither)).containsExactly(true, true);
      assertThat(H2Statements.count(jdbc, ALTERNATIVES)).isEqualTo(4);

      // a grant on the first: answered without the whole statement
      String first = groupAuthorization(Authorization.AUTH_TYPE_GRANT, "probe-first");
      authorizations.add(first);
      assertThat(answers(readEither)).containsExactly(true, true);
      assertThat(H2Statements.count(jdbc, ALTERNATIVES)).isEqualTo(5);

      // a revoke on the first decides before the second's grant, in Camunda's statement and here
      authorizationService.deleteAuthorization(first);
      authorizations.remove(first);
      authorizations.add(groupAuthorization(Authorization.AUTH_TYPE_REVOKE, "probe-first"));
      assertThat(answers(readEither)).containsExactly(false, false);
      assertThat(H2Statements.count(jdbc, ALTERNATIVES)).isEqualTo(7);
    } finally {
      H2Statements.record(jdbc, false);
    }
  }

  @Test
  void deletingAResourcesAuthorizationsDropsTheGrantsMadeInTheSameCommandAndDeletesTheWrittenOnes() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String written = groupAuthorization(Authorization.AUTH_TYPE_GRANT, "probe-deleted");
    authorizations.add(written);
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    H2Statements.record(jdbc, true);
    try {
      engine.getCommandExecutorTxRequired().execute(context -> {
        // one grant read from the database in this command, one made in it and not yet written
        context.getDbEntityManager().selectById(AuthorizationEntity.class, written);
        AuthorizationEntity made = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        made.setUserId(USER);
        made.setResource(Resources.PROCESS_DEFINITION);
        made.setResourceId("probe-deleted");
        made.addPermission(Permissions.READ);
        context.getDbEntityManager().insert(made);
        context.getAuthorizationManager().deleteAuthorizationsByResourceId(Resources.PROCESS_DEFINITION, "probe-deleted");
        return null;
      });
      // the made one never written; the read one deleted by Camunda's statement alone, not by id too
      assertThat(H2Statements.count(jdbc, "%insert into ACT_RU_AUTHORIZATION%")).isZero();
      assertThat(H2Statements.count(jdbc, "%DELETE FROM%ACT_RU_AUTHORIZATION%ID_ = ?%")).isZero();
      assertThat(H2Statements.count(jdbc, "%delete from ACT_RU_AUTHORIZATION%RESOURCE_ID_%")).isEqualTo(1);
    } finally {
      H2Statements.record(jdbc, false);
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = 'probe-deleted'", Long.class)).isZero();
    authorizations.remove(written);
  }

  /** Camunda's own manager's answer and this engine's, in one command each. */
  private List<Boolean> answers(CompositePermissionCheck check) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    List<String> groups = List.of("groups-probe-a");
    boolean camundas = engine.getCommandExecutorTxRequired().execute(context -> new AuthorizationManager().isAuthorized(USER, groups, check));
    boolean ours = engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager().isAuthorized(USER, groups, check));
    return List.of(camundas, ours);
  }

  private String groupAuthorization(int type, String definitionKey) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setGroupId("groups-probe-a");
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(definitionKey);
    if (type == Authorization.AUTH_TYPE_GRANT) {
      authorization.addPermission(Permissions.READ);
    } else {
      authorization.removePermission(Permissions.READ);
    }
    return authorizationService.saveAuthorization(authorization).getId();
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
