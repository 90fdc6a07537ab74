package org.probity.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query answered from Probity's roles. */
class CamundaGroupQuery extends GroupQueryImpl {

  CamundaGroupQuery() {}

  CamundaGroupQuery(CommandExecutor commandExecutor) {
    super(commandExecutor);
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    return provider(commandContext).findGroups(this).size();
  }

  @Override
  public List<Group> executeList(CommandContext commandContext, Page page) {
    return QueryPaging.page(provider(commandContext).findGroups(this), page, this);
  }

  private static CamundaIdentityProvider provider(CommandContext commandContext) {
    return (CamundaIdentityProvider) commandContext.getReadOnlyIdentityProvider();
  }

  /** Set by {@code potentialStarter(...)}: Probity does not model potential starters as identity links. */
  String potentialStarterProcessDefinitionId() {
    return procDefId;
  }
}
