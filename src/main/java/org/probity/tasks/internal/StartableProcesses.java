package org.probity.tasks.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The processes a user may start: the latest active version of each, where the user holds READ and
 * CREATE_INSTANCE on its definition (the rule of Camunda's {@code startablePermissionCheck()}).
 * Checked per definition with {@link CamundaPermissions}: Camunda's query run as the user joined
 * the definitions with every grant of the user's groups, including one per open task, and took
 * about 100 ms with 100,000 open tasks on MariaDB (slow query log, InboxBenchmark).
 */
@Component
class StartableProcesses {

  private final RepositoryService repositoryService;
  private final CamundaPermissions permissions;
  private final InboxQuery definitions;

  StartableProcesses(RepositoryService repositoryService, CamundaPermissions permissions, InboxQuery definitions) {
    this.repositoryService = repositoryService;
    this.permissions = permissions;
    this.definitions = definitions;
  }

  /** Those marked startable in Tasklist (the inbox's "Start a case" list), by name. */
  List<InboxQuery.Definition> list(Authentication user) {
    List<InboxQuery.Definition> latest =
        InboxQuery.latest(definitions.definitions()).values().stream().filter(d -> d.active() && d.startableInTasklist()).toList();
    Set<String> startable = mayStart(user, latest.stream().map(InboxQuery.Definition::key).toList());
    return latest.stream()
        .filter(d -> startable.contains(d.key()))
        .sorted(Comparator.comparing(InboxQuery.Definition::displayName).thenComparing(InboxQuery.Definition::key))
        .toList();
  }

  /** The latest version of the process, if the user may start it. */
  Optional<ProcessDefinition> latest(Authentication user, String key) {
    return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().active().singleResult())
        .filter(d -> !mayStart(user, List.of(d.getKey())).isEmpty());
  }

  /**
   * Grants only, also for Camunda administrators: Camunda's query lists nothing for an
   * administrator without grants, and starting cases is not the engine administrators' work.
   */
  private Set<String> mayStart(Authentication user, List<String> keys) {
    return permissions.granted(user, Resources.PROCESS_DEFINITION, keys, ProcessDefinitionPermissions.CREATE_INSTANCE, Permissions.READ);
  }
}
