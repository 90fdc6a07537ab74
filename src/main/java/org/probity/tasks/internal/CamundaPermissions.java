package org.probity.tasks.internal;

import org.probity.common.SqlMarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Camunda's own per-resource check for one user ({@code AuthorizationService.isUserAuthorized}:
 * grants, revokes and global authorizations of the user, their groups and everyone), with the two
 * cases Camunda's queries treat apart: authorization off, and Camunda administrators, who see and
 * do everything. A lookup on the resource's id (index {@code PRB_IDX_AUTH_RESOURCE}), where
 * Camunda's queries run as the user join their rows with every grant the user's groups hold (slow
 * with 100,000 open tasks: README "Performance").
 */
@Component
class CamundaPermissions {

  private final ProcessEngineConfigurationImpl engine;
  private final JdbcTemplate jdbc;

  CamundaPermissions(ProcessEngineConfiguration engine, DataSource dataSource) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Whether Camunda skips its authorization checks for the user (a Camunda administrator). */
  boolean isEngineAdmin(String user, List<String> groups) {
    return (engine.getAdminUsers() != null && engine.getAdminUsers().contains(user))
        || (engine.getAdminGroups() != null && groups.stream().anyMatch(engine.getAdminGroups()::contains));
  }

  /** Whether the user holds the permission on the resource (its id, or all of its type). */
  boolean has(Authentication user, Permission permission, Resource resource, String resourceId) {
    return isEngineAdmin(user.getName(), ActingUser.groups(user)) || granted(user, permission, resource, resourceId);
  }

  /**
   * Camunda's rule for seeing a task (its task query's check): READ on the task, or READ_TASK on
   * its process definition; administrators see all.
   */
  boolean mayRead(Authentication user, Task task) {
    return has(user, Permissions.READ, Resources.TASK, task.getId())
        || (task.getProcessDefinitionId() != null
            && has(
                user,
                ProcessDefinitionPermissions.READ_TASK,
                Resources.PROCESS_DEFINITION,
                engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey()));
  }

  /**
   * The same rule inside an engine command run as the user ({@link ActingUser}): Camunda's own
   * check of reading the task, a lookup of the task's grants in the command's transaction.
   */
  boolean mayRead(CommandContext context, TaskEntity task) {
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkReadTask(task);
      }
      return true;
    } catch (AuthorizationException e) {
      return false;
    }
  }

  /** The same without the administrators' exception: a grant (or authorization off) is needed. */
  boolean granted(Authentication user, Permission permission, Resource resource, String resourceId) {
    return granted(user, resource, List.of(resourceId), permission).contains(resourceId);
  }

  /**
   * The resource ids, of those given, on which the user holds every one of the permissions (no
   * administrators' exception). A grant is needed for a permission (revokes only take away), so
   * one statement first reads the grants of the user, their groups and everyone on those ids (or
   * all of the type); Camunda's check then runs only for the ids every permission is granted on
   * somewhere, in one engine command (Camunda reads which groups hold authorizations and whether
   * revokes exist once per command, not once per check).
   */
  Set<String> granted(Authentication user, Resource resource, Collection<String> resourceIds, Permission... permissions) {
    if (!engine.isAuthorizationEnabled()) {
      return new LinkedHashSet<>(resourceIds);
    }
    List<String> groups = ActingUser.groups(user);
    List<String> candidates = candidates(user.getName(), groups, resource, resourceIds, permissions);
    if (candidates.isEmpty()) {
      return Set.of();
    }
    return engine.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager authorizations = context.getAuthorizationManager();
      Set<String> granted = new LinkedHashSet<>();
      for (String id : candidates) {
        if (Arrays.stream(permissions).allMatch(p -> authorizations.isAuthorized(user.getName(), groups, p, resource, id))) {
          granted.add(id);
        }
      }
      return granted;
    });
  }

  /** The ids on which each permission is granted by some grant or global authorization. */
  private List<String> candidates(String user, List<String> groups, Resource resource, Collection<String> resourceIds, Permission... permissions) {
    if (resourceIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(resourceIds);
    args.add(resource.resourceType());
    args.add(user);
    String sql = "select RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in (" + SqlMarks.of(resourceIds.size()) + ", '*')"
        + " and RESOURCE_TYPE_ = ? and TYPE_ in (" + Authorization.AUTH_TYPE_GLOBAL + ", " + Authorization.AUTH_TYPE_GRANT + ")"
        + " and (USER_ID_ in (?, '*')";
    if (!groups.isEmpty()) {
      sql += " or GROUP_ID_ in (" + SqlMarks.of(groups.size()) + ")";
      args.addAll(groups);
    }
    sql += ")";
    Map<String, Integer> bits = new HashMap<>();
    jdbc.query(sql, rs -> {
      bits.merge(rs.getString(1), rs.getInt(2), (a, b) -> a | b);
    }, args.toArray());
    int everywhere = bits.getOrDefault("*", 0);
    return resourceIds.stream()
        .filter(id -> Arrays.stream(permissions).allMatch(p -> ((bits.getOrDefault(id, 0) | everywhere) & p.getValue()) == p.getValue()))
        .toList();
  }

}
