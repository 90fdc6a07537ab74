package org.probity.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
 * The answers are Camunda's: a revoke still beats a grant; only the number of statements changes
 * (two fewer for a start or a completion).
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
    return asSingleCheck(() -> super.isAuthorized(userId, groupIds, compositePermissionCheck));
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
