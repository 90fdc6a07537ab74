package org.probity.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager without its group filter. Before the first check of each
 * command, Camunda reads every group that has any authorization ({@code select distinct GROUP_ID_
 * from ACT_RU_AUTHORIZATION}) and keeps only the user's groups among them, to shorten the {@code
 * GROUP_ID_ in (...)} lists of its checks. A Probity user has a few roles, and a group without
 * authorizations matches no row in those lists anyway: the answers are the same, less one query
 * per command that checks an authorization (every start, completion and page through the engine).
 */
class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final SessionFactory FACTORY =
      new SessionFactory() {
        @Override
        public Class<?> getSessionType() {
          return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
          return new UnfilteredGroupsAuthorizationManager();
        }
      };

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    // a copy without duplicates and nulls, as Camunda's intersection gives
    return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList());
  }
}
