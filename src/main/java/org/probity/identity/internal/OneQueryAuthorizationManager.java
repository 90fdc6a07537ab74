package org.probity.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, with an authorization check being one query. Camunda asks two
 * more before the first check of each command:
 *
 * <ul>
 *   <li>every group that has any authorization ({@code select distinct GROUP_ID_ from
 *       ACT_RU_AUTHORIZATION}), to keep only the user's groups among them and shorten the {@code
 *       GROUP_ID_ in (...)} lists. A Probity user has a few roles, and a group without
 *       authorizations matches no row in those lists anyway: here the user's groups are used as
 *       they are.
 *   <li>whether any REVOKE concerns the user or their groups ({@code authorizationCheckRevokes}
 *       "auto"), to leave the revoke branches out of the checks when none does. For a single
 *       check (may this user start this process, work this task) the branches cost less than
 *       the question: here it carries them unless the command already knows the answer. Queries
 *       (lists filtered by authorization, where the branches would weigh on every row) still ask
 *       first, as in Camunda.
 * </ul>
 *
 * <p>And one question it asks whole where a part would do: a check of several permissions where any
 * one suffices (may this user work this task: TASK_WORK or UPDATE on the task, or on its process
 * definition) is one statement holding every check (48 subqueries for a task), and MariaDB looks
 * up each subquery's row by its unique key while planning the statement, before the first answer
 * could make the others unnecessary: about 104 index pages at 1,000 open tasks and 160 at 100,000
 * (each lookup one B-tree level deeper). The first check alone (12 subqueries, 26 and 39 pages)
 * answers the usual case, a grant on the task itself; only when it does not grant is Camunda's
 * whole statement asked (measured in the README, Performance).
 *
 * <p>The answers are Camunda's: a revoke still beats a grant; only the number of statements changes
 * (two fewer for a start or a completion), and their size.
 *
 * <p>Deleting a resource's authorizations (a task's, when it is completed) also drops the grants
 * made for it earlier in the same command and not yet written (the assignee's, when the task page
 * claims a task and completes it in one command): Camunda would insert them and delete them again
 * in the same flush, in each of the table's eight indexes.
 */
class OneQueryAuthorizationManager extends AuthorizationManager {

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final SessionFactory FACTORY =
      new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
          return new OneQueryAuthorizationManager();
        }
      };

  /** True while a single check (not a query) is being made. */
  private boolean singleCheck;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    // a copy without duplicates and nulls, as Camunda's intersection gives
    return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList());
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
    return asSingleCheck(() -> super.isAuthorized(userId, groupIds, permissionCheck));
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck compositePermissionCheck) {
    return asSingleCheck(
        () -> firstCheckGrants(userId, groupIds, compositePermissionCheck) || super.isAuthorized(userId, groupIds, compositePermissionCheck));
  }

  /**
   * Whether the first of several alternative checks grants on its own. Camunda's statement answers
   * with the first check that decides (grant or revoke), so a grant there is its answer too; a
   * revoke or no decision says nothing here (the single statement cannot tell them apart), and the
   * whole statement is asked.
   */
  private boolean firstCheckGrants(String userId, List<String> groupIds, CompositePermissionCheck checks) {
    List<PermissionCheck> atomic = checks.getAtomicChecks();
    if (!checks.isDisjunctive() || !checks.getCompositeChecks().isEmpty() || atomic.size() < 2) {
      return false;
    }
    for (PermissionCheck check : atomic) {
      if (!isResourceValidForPermission(check)) {
        return false; // Camunda refuses the whole check: let it say so
      }
    }
    CompositePermissionCheck first = new CompositePermissionCheck();
    first.addAtomicCheck(atomic.get(0));
    return super.isAuthorized(userId, groupIds, first);
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    super.deleteAuthorizationsByResourceId(resource, resourceId);
    if (!isAuthorizationEnabled()) {
      return;
    }
    DbEntityManager entities = getDbEntityManager();
    for (AuthorizationEntity cached : entities.getCachedEntitiesByType(AuthorizationEntity.class)) {
      // only grants not yet written: one read from the database goes with the statement above (a
      // delete by id besides would be a second statement for the same row)
      if (cached.getResourceType() == resource.resourceType()
          && resourceId.equals(cached.getResourceId())
          && entities.getDbEntityCache().getCachedEntity(cached).getEntityState() == DbEntityState.TRANSIENT) {
        entities.delete(cached);
      }
    }
  }

  private boolean asSingleCheck(BooleanSupplier check) {
    singleCheck = true;
    try {
      return check.getAsBoolean();
    } finally {
      singleCheck = false;
    }
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    if (singleCheck && isRevokeAuthCheckUsed == null && isAutoMode()) {
      // the check carries the revoke branches: right whether or not a revoke exists. Not
      // remembered, so that a query later in the command still asks
      return true;
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }

  private static boolean isAutoMode() {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    return mode == null || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(mode);
  }
}
