package org.probity.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query answered from Probity's directory. */
class CamundaUserQuery extends UserQueryImpl {

  CamundaUserQuery() {}

  CamundaUserQuery(CommandExecutor commandExecutor) {
    super(commandExecutor);
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    return provider(commandContext).findUsers(this).size();
  }

  @Override
  public List<User> executeList(CommandContext commandContext, Page page) {
    return QueryPaging.page(provider(commandContext).findUsers(this), page, this);
  }

  private static CamundaIdentityProvider provider(CommandContext commandContext) {
    return (CamundaIdentityProvider) commandContext.getReadOnlyIdentityProvider();
  }

  /** Set by {@code potentialStarter(...)}: Probity does not model potential starters as identity links. */
  String potentialStarterProcessDefinitionId() {
    return procDefId;
  }
}
