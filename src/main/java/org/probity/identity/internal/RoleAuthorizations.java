package org.probity.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.task.TaskQuery;
import org.probity.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Each role's Camunda authorizations: the least it needs. Starting the processes it owns, reading
 * the definitions of the processes it works in, and Tasklist; the engine itself grants
 * {@code READ} and {@code TASK_WORK} on each task to its candidate groups and assignee
 * ({@code defaultUserPermissionNameForTask}). Auditors read everything and change nothing.
 * {@code camunda-admin} is Camunda's administrators group and needs no grant.
 *
 * <p>Grants are added when missing and never removed here, so a change an administrator made in
 * Camunda's Admin webapp survives a restart.
 */
@Component
class RoleAuthorizations extends AbstractProcessEnginePlugin {

  static final String COMPLAINT_HANDLING = "complaint-handling";
  static final String PERSONNEL_VETTING = "personnel-vetting";
  static final String OVERSIGHT_REVIEW = "oversight-review";
  static final String EQUALITY_PROGRAM_APPROVAL = "equality-program-approval";

  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_GROUP_TASKS = "My groups' tasks";

  record Grant(Role role, Resource resource, String resourceId, Permission... permissions) {}

  /** The whole table, in one place, so that a reviewer can read who may do what. */
  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // who starts which process
    Map<Role, String> starters =
        Map.of(
            Role.INTAKE_OFFICERS, COMPLAINT_HANDLING,
            Role.VETTING_OFFICERS, PERSONNEL_VETTING,
            Role.COMMITTEE_CHAIR, OVERSIGHT_REVIEW,
            Role.EQUALITY_ANALYSTS, EQUALITY_PROGRAM_APPROVAL);
    starters.forEach(
        (role, key) -> {
          grants.add(new Grant(role, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE));
          grants.add(new Grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        });
    // who works in which process (reads its definition to show names and forms)
    Map<Role, List<String>> workers =
        Map.of(
            Role.INVESTIGATORS, List.of(COMPLAINT_HANDLING),
            Role.VETTING_PANEL, List.of(PERSONNEL_VETTING),
            Role.OVERSIGHT_COMMITTEE, List.of(OVERSIGHT_REVIEW, COMPLAINT_HANDLING, EQUALITY_PROGRAM_APPROVAL),
            Role.COMMITTEE_CHAIR, List.of(COMPLAINT_HANDLING, EQUALITY_PROGRAM_APPROVAL),
            Role.FINANCE_OFFICERS, List.of(EQUALITY_PROGRAM_APPROVAL));
    workers.forEach(
        (role, keys) -> keys.forEach(key -> grants.add(new Grant(role, Resources.PROCESS_DEFINITION, key, Permissions.READ))));
    // Tasklist and its shared filters for everyone who works tasks
    for (Role role :
        List.of(
            Role.INTAKE_OFFICERS,
            Role.INVESTIGATORS,
            Role.VETTING_OFFICERS,
            Role.VETTING_PANEL,
            Role.OVERSIGHT_COMMITTEE,
            Role.COMMITTEE_CHAIR,
            Role.EQUALITY_ANALYSTS,
            Role.FINANCE_OFFICERS)) {
      grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(role, Resources.FILTER, ANY, Permissions.READ));
    }
    // auditors: read everything, change nothing
    grants.add(new Grant(Role.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(
        new Grant(
            Role.AUDITORS,
            Resources.PROCESS_DEFINITION,
            ANY,
            Permissions.READ,
            Permissions.READ_INSTANCE,
            Permissions.READ_TASK,
            Permissions.READ_HISTORY));
    for (Resource resource :
        List.of(
            Resources.PROCESS_INSTANCE,
            Resources.TASK,
            Resources.DEPLOYMENT,
            Resources.BATCH,
            Resources.DECISION_REQUIREMENTS_DEFINITION,
            Resources.USER,
            Resources.GROUP,
            Resources.AUTHORIZATION,
            Resources.OPERATION_LOG_CATEGORY,
            Resources.REPORT,
            Resources.DASHBOARD,
            Resources.HISTORIC_TASK,
            Resources.HISTORIC_PROCESS_INSTANCE)) {
      grants.add(new Grant(Role.AUDITORS, resource, ANY, read(resource)));
    }
    grants.add(
        new Grant(Role.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
    // process administrators: deploy and operate processes; they do not work cases' tasks
    grants.add(new Grant(Role.PROCESS_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    for (Resource resource :
        List.of(
            Resources.DEPLOYMENT,
            Resources.PROCESS_DEFINITION,
            Resources.PROCESS_INSTANCE,
            Resources.DECISION_DEFINITION,
            Resources.DECISION_REQUIREMENTS_DEFINITION,
            Resources.BATCH)) {
      grants.add(new Grant(Role.PROCESS_ADMINS, resource, ANY, Permissions.ALL));
    }
    for (Resource resource :
        List.of(
            Resources.TASK,
            Resources.HISTORIC_TASK,
            Resources.HISTORIC_PROCESS_INSTANCE,
            Resources.OPERATION_LOG_CATEGORY,
            Resources.REPORT,
            Resources.DASHBOARD)) {
      grants.add(new Grant(Role.PROCESS_ADMINS, resource, ANY, read(resource)));
    }
    return grants;
  }

  /** Some resources have their own permission enum; Camunda refuses the generic READ for them. */
  private static Permission read(Resource resource) {
    if (resource == Resources.OPERATION_LOG_CATEGORY) {
      return UserOperationLogCategoryPermissions.READ;
    }
    if (resource == Resources.HISTORIC_TASK) {
      return HistoricTaskPermissions.READ;
    }
    if (resource == Resources.HISTORIC_PROCESS_INSTANCE) {
      return HistoricProcessInstancePermissions.READ;
    }
    return Permissions.READ;
  }

  /**
   * The engine's task grants, command checks and authorization manager, each asking fewer queries
   * for the same answer.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NewTaskAuthorizations());
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // added after the engine's own factories, so it replaces Camunda's AuthorizationManager
    configuration.getCustomSessionFactories().add(OneQueryAuthorizationManager.FACTORY);
    // the engine's own default list (ProcessEngineConfigurationImpl.initCommandCheckers), with the
    // authorization checker replaced
    configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new StartAuthorizationCheck())));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Grant grant : grants()) {
      ensure(authorizations, grant);
    }
    ensureTasklistFilters(engine.getFilterService(), engine.getTaskService());
  }

  private static void ensure(AuthorizationService service, Grant grant) {
    Authorization existing =
        service
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(grant.role().id())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .singleResult();
    Authorization authorization = existing != null ? existing : service.createNewAuthorization(AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    if (existing == null) {
      authorization.setGroupId(grant.role().id());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    for (Permission permission : grant.permissions()) {
      if (existing == null || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      service.saveAuthorization(authorization);
    }
  }

  private static void ensureTasklistFilters(FilterService filters, TaskService tasks) {
    createFilterIfMissing(
        filters, tasks, FILTER_MY_TASKS, -10, "Tasks assigned to me", q -> q.taskAssigneeExpression("${currentUser()}"));
    createFilterIfMissing(
        filters,
        tasks,
        FILTER_GROUP_TASKS,
        -5,
        "Unassigned tasks routed to my groups",
        q -> q.taskCandidateGroupInExpression("${currentUserGroups()}"));
  }

  private static void createFilterIfMissing(
      FilterService filters, TaskService tasks, String name, int priority, String description, java.util.function.UnaryOperator<TaskQuery> query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(name)
            .setQuery(query.apply(tasks.createTaskQuery()))
            .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
    filters.saveFilter(filter);
  }
}
