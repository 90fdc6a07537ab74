package org.probity.tasks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The inbox: the user's own tasks and their groups' unclaimed tasks, one page at a time plus counts
 * per process, read by {@link InboxQuery} under Camunda's authorization rules (or by Camunda's own
 * task query run as the user where that query does not apply).
 */
@Service
class InboxService {

  static final int PAGE_SIZE = 50;
  static final Duration DUE_SOON = Duration.ofDays(3);
  /**
   * Past this many visible tasks in a part (mine, my groups'), counts show as "200+". Each counted
   * task costs three index lookups; at 1,000 the count was most of the inbox's database time
   * (10.6 of 21.7 ms a request on MariaDB with a 10,000-task group, InboxBenchmark).
   */
  static final int COUNT_LIMIT = 200;

  private final TaskService taskService;
  private final ActingUser acting;
  private final UserDirectory directory;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final InboxQuery query;
  private final CamundaPermissions permissions;

  InboxService(
      TaskService taskService,
      ActingUser acting,
      UserDirectory directory,
      ProcessEngineConfiguration engineConfiguration,
      InboxQuery query,
      CamundaPermissions permissions) {
    this.taskService = taskService;
    this.acting = acting;
    this.directory = directory;
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    this.query = query;
    this.permissions = permissions;
  }

  Inbox inbox(Authentication user, Inbox.Filter filter) {
    return inbox(user, filter, COUNT_LIMIT);
  }

  /** The inbox with counts read up to {@code countLimit} tasks a part. */
  Inbox inbox(Authentication user, Inbox.Filter filter, int countLimit) {
    Date now = new Date();
    Map<String, InboxQuery.Definition> definitions = query.definitions();
    Map<String, String> names = processNames(definitions);
    List<String> groups = ActingUser.groups(user);
    record Found(List<InboxQuery.Row> tasks, Map<String, Long> counts, boolean atLeast) {}
    // one more than a page tells whether there is a next (or, going back, a previous) page
    InboxQuery.Cursor cursor = filter.cursor();
    int offset = filter.page() * PAGE_SIZE;
    int page = filter.page();
    boolean hasNext;
    Found found;
    InboxQuery.Scope scope = query.scope(user.getName(), groups, definitions);
    if (scope != null) {
      InboxQuery.Counts counts = query.counts(scope, filter, now, countLimit);
      List<InboxQuery.Row> rows = query.page(scope, filter, now, cursor, offset, PAGE_SIZE + 1, counts);
      if (cursor != null && !cursor.forward() && rows.size() > PAGE_SIZE) {
        // a page before another: the extra row (the first one) says there is one before it
        hasNext = true;
        rows = rows.subList(rows.size() - PAGE_SIZE, rows.size());
      } else {
        if (cursor != null && !cursor.forward()) {
          // back at the start: the first page, whole
          page = 0;
          rows = query.page(scope, filter, now, null, 0, PAGE_SIZE + 1, counts);
        }
        hasNext = rows.size() > PAGE_SIZE;
      }
      found = new Found(rows, counts.byKey(scope), counts.atLeast());
    } else {
      found = acting.call(user, () -> new Found(camundaPage(user, filter, now, offset), camundaCounts(user, names), false));
      hasNext = found.tasks().size() > PAGE_SIZE;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> count : found.counts().entrySet()) {
      if (count.getValue() > 0 && names.containsKey(count.getKey())) {
        counts.put(count.getKey(), count.getValue());
        total += count.getValue();
      }
    }
    List<InboxQuery.Row> tasks = found.tasks();
    if (tasks.size() > PAGE_SIZE) {
      tasks = tasks.subList(0, PAGE_SIZE);
    }
    // read without the user's authentication: names and business keys of tasks they already see
    Map<String, String> businessKeys = businessKeys(tasks);
    List<Inbox.Row> rows =
        tasks.stream().map(t -> row(t, definitions.get(t.processDefinitionId()), businessKeys, now)).toList();
    String first = tasks.isEmpty() ? null : InboxQuery.Cursor.of(tasks.get(0), filter.sort());
    String last = tasks.isEmpty() ? null : InboxQuery.Cursor.of(tasks.get(tasks.size() - 1), filter.sort());
    return new Inbox(rows, page, hasNext, total, counts, found.atLeast(), names, first, last);
  }

  /** Camunda's own task query: where {@link InboxQuery} does not apply (admins, revokes). */
  private List<InboxQuery.Row> camundaPage(Authentication user, Inbox.Filter filter, Date now, int offset) {
    TaskQuery query = filtered(user, filter, now);
    switch (filter.sort()) {
      case "due" -> query.orderByDueDate();
      case "priority" -> query.orderByTaskPriority();
      default -> query.orderByTaskCreateTime();
    }
    if (filter.ascending()) {
      query.asc();
    } else {
      query.desc();
    }
    // the tie-break goes the same way as the sort, as in InboxQuery
    query.orderByTaskId();
    if (filter.ascending()) {
      query.asc();
    } else {
      query.desc();
    }
    return query.listPage(offset, PAGE_SIZE + 1).stream()
        .map(t -> new InboxQuery.Row(t.getId(), t.getName(), t.getProcessDefinitionId(), t.getProcessInstanceId(), t.getCreateTime(), t.getDueDate(), t.getPriority(), t.getAssignee(), null))
        .toList();
  }

  private Map<String, Long> camundaCounts(Authentication user, Map<String, String> names) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String key : names.keySet()) {
      counts.put(key, mineOrMyGroups(user, taskService.createTaskQuery()).processDefinitionKey(key).active().count());
    }
    return counts;
  }

  private TaskQuery filtered(Authentication user, Inbox.Filter filter, Date now) {
    TaskQuery query = taskService.createTaskQuery();
    List<String> groups = ActingUser.groups(user);
    switch (filter.assignment()) {
      case "mine" -> query.taskAssignee(user.getName());
      case "unassigned" -> {
        // candidate-group queries return unassigned tasks only
        if (groups.isEmpty()) {
          query.taskId("none");
        } else {
          query.taskCandidateGroupIn(groups);
        }
      }
      default -> mineOrMyGroups(user, query);
    }
    if (!filter.process().isEmpty()) {
      query.processDefinitionKey(filter.process());
    }
    if ("overdue".equals(filter.due())) {
      query.dueBefore(now);
    } else if ("soon".equals(filter.due())) {
      query.dueAfter(now).dueBefore(Date.from(now.toInstant().plus(DUE_SOON)));
    }
    return query.active();
  }

  private static TaskQuery mineOrMyGroups(Authentication user, TaskQuery query) {
    List<String> groups = ActingUser.groups(user);
    if (groups.isEmpty()) {
      return query.taskAssignee(user.getName());
    }
    return query.or().taskAssignee(user.getName()).taskCandidateGroupIn(groups).endOr();
  }

  private Inbox.Row row(InboxQuery.Row task, InboxQuery.Definition definition, Map<String, String> businessKeys, Date now) {
    Date due = task.due();
    boolean overdue = due != null && due.before(now);
    boolean soon = due != null && !overdue && due.toInstant().isBefore(now.toInstant().plus(DUE_SOON));
    return new Inbox.Row(
        task.id(),
        task.name(),
        businessKeys.get(task.processInstanceId()),
        definition == null ? "" : definition.key(),
        definition == null ? "" : definition.displayName(),
        task.created(),
        due,
        task.priority(),
        task.assignee(),
        overdue,
        soon);
  }

  /**
   * The page's business keys: those the page's statement read with its rows (MariaDB's walk), the
   * rest in one statement by primary key (Camunda's instance query joined more).
   */
  private Map<String, String> businessKeys(List<InboxQuery.Row> tasks) {
    Map<String, String> known = new HashMap<>();
    tasks.stream().filter(t -> t.businessKey() != null).forEach(t -> known.put(t.processInstanceId(), t.businessKey()));
    Set<String> ids =
        tasks.stream().map(InboxQuery.Row::processInstanceId).filter(id -> id != null && !known.containsKey(id)).collect(Collectors.toSet());
    if (!ids.isEmpty()) {
      known.putAll(query.businessKeys(ids));
    }
    return known;
  }

  /** Latest definition of each process key: the inbox's process filter and counts. */
  private static Map<String, String> processNames(Map<String, InboxQuery.Definition> definitions) {
    Map<String, String> names = new java.util.TreeMap<>();
    InboxQuery.latest(definitions).forEach((key, d) -> names.put(key, d.displayName()));
    return names;
  }

  static String nameOf(ProcessDefinition definition) {
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  /**
   * The task if the user may see it, else 404, whatever the id. Camunda's rule (READ on the task,
   * or READ_TASK on its process definition; administrators see all) checked with Camunda's own
   * per-resource check, not with its task query run as the user: that query joins the task with
   * every grant the user's groups hold, and at 100,000 open tasks it read 100,000 rows on MariaDB
   * for one task (slow query log, LoadBenchmark), which made the task page slow down as tasks grow.
   */
  Task visibleTask(Authentication user, String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !permissions.mayRead(user, task)) {
      throw new NotFoundException("No such task");
    }
    return task;
  }

  void claim(Authentication user, String taskId) {
    visibleTask(user, taskId);
    acting.run(user, () -> taskService.claim(taskId, user.getName()));
  }

  /** Gives a claimed task back to its groups (Camunda's claim with no user, checked as TASK_WORK). */
  void unclaim(Authentication user, String taskId) {
    Task task = visibleTask(user, taskId);
    if (!user.getName().equals(task.getAssignee())) {
      throw new InvalidInputException("task", "only the assignee can give a task back");
    }
    acting.run(user, () -> taskService.claim(taskId, null));
  }

  /** Members of the task's candidate groups that the user shares: whom the user may hand it to. */
  List<UserAccount> delegates(Authentication user, Task task) {
    List<String> mine = ActingUser.groups(user);
    Set<String> groups =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .filter(mine::contains)
            .collect(Collectors.toSet());
    Map<String, UserAccount> members = new java.util.TreeMap<>();
    for (String group : groups) {
      Role.byId(group).ifPresent(role -> directory.membersOf(role).forEach(m -> members.put(m.username(), m)));
    }
    members.remove(user.getName());
    return List.copyOf(members.values());
  }

  /**
   * Hands a task the user holds (or may claim) to another member of one of its candidate groups
   * that the user belongs to. Camunda's own rule for assigning is TASK_ASSIGN, which no role holds:
   * Probity checks its narrower rule here, then assigns with the engine's check off but the user
   * still authenticated, so the operation log records who handed it to whom.
   */
  void delegate(Authentication user, String taskId, String toUser) {
    Task task = visibleTask(user, taskId);
    if (task.getAssignee() != null && !user.getName().equals(task.getAssignee())) {
      throw new InvalidInputException("task", "the task is assigned to someone else");
    }
    boolean allowed = delegates(user, task).stream().anyMatch(m -> m.username().equals(toUser));
    if (!allowed) {
      throw new InvalidInputException("delegate", "not a member of the task's group");
    }
    acting.run(
        user,
        () ->
            engineConfiguration.getCommandExecutorTxRequired()
                .execute(
                    context -> {
                      context.disableAuthorizationCheck();
                      try {
                        return new AssignTaskCmd(taskId, toUser).execute(context);
                      } finally {
                        context.enableAuthorizationCheck();
                      }
                    }));
  }

}
