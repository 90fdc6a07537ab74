package org.probity.tasks.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox's page and counts in two SQL statements over Camunda's runtime tables, instead of
 * Camunda's task query (whose authorization check joins every task against the authorization
 * table) run once for the page and once per process key for the counts. Measured by
 * InboxBenchmark (README "Performance").
 *
 * <p>It keeps Camunda's rules: mine = assignee is the user; my groups' = unassigned with a
 * candidate link to one of the user's groups; active only; visible when a grant (or global)
 * authorization of the user, one of their groups or everyone gives READ on the task (its id or
 * all tasks) or READ_TASK on its process definition (its key or all). Where those rules are not
 * the whole story (a REVOKE authorization on tasks or definitions exists, or the user is a Camunda
 * administrator), {@link #applies} says no and the inbox uses Camunda's own query.
 */
@Component
class InboxQuery {

  /** Camunda's resource type ids and permission bits. */
  private static final int TASK = 7;
  private static final int PROCESS_DEFINITION = 6;
  private static final int READ = 2;
  private static final int READ_TASK = 64;

  record Row(String id, String name, String processDefinitionId, String processInstanceId, Date created, Date due, int priority, String assignee) {}

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;

  InboxQuery(DataSource dataSource, ProcessEngineConfiguration engine) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** Whether this query gives the same answer as Camunda's for the user (see the class comment). */
  boolean applies(String user, List<String> groups) {
    if (!engine.isAuthorizationEnabled()) {
      return false;
    }
    if (engine.getAdminUsers() != null && engine.getAdminUsers().contains(user)) {
      return false;
    }
    if (engine.getAdminGroups() != null && groups.stream().anyMatch(engine.getAdminGroups()::contains)) {
      return false;
    }
    Integer revokes =
        jdbc.queryForObject(
            "select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = 2 and RESOURCE_TYPE_ in (" + TASK + ", " + PROCESS_DEFINITION + ")",
            Integer.class);
    return revokes == null || revokes == 0;
  }

  List<Row> page(String user, List<String> groups, Inbox.Filter filter, Date now, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String visible = visible(user, groups, filter, now, args, "T.ID_, T.NAME_, T.PROC_DEF_ID_, T.PROC_INST_ID_, T.CREATE_TIME_, T.DUE_DATE_, T.PRIORITY_, T.ASSIGNEE_");
    String column =
        switch (filter.sort()) {
          case "due" -> "X.DUE_DATE_";
          case "priority" -> "X.PRIORITY_";
          default -> "X.CREATE_TIME_";
        };
    String direction = filter.ascending() ? "asc" : "desc";
    // nulls last, as Camunda sorts them in MySQL and H2 differently: keep one rule on both
    String sql =
        "select * from (" + visible + ") X order by case when " + column + " is null then 1 else 0 end, " + column + " " + direction
            + ", X.ID_ asc limit ? offset ?";
    args.add(limit);
    args.add(offset);
    return jdbc.query(
        sql,
        (rs, n) ->
            new Row(
                rs.getString("ID_"),
                rs.getString("NAME_"),
                rs.getString("PROC_DEF_ID_"),
                rs.getString("PROC_INST_ID_"),
                date(rs.getTimestamp("CREATE_TIME_")),
                date(rs.getTimestamp("DUE_DATE_")),
                rs.getInt("PRIORITY_"),
                rs.getString("ASSIGNEE_")),
        args.toArray());
  }

  /** Open visible tasks per process key (whatever the process filter), in one grouped statement. */
  Map<String, Long> countsByProcess(String user, List<String> groups, Inbox.Filter filter, Date now) {
    List<Object> args = new ArrayList<>();
    Inbox.Filter all = new Inbox.Filter("", filter.due(), filter.assignment(), filter.sort(), filter.dir(), 0);
    String visible = visible(user, groups, all, now, args, "T.ID_, D.KEY_");
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(
        "select X.KEY_, count(*) from (" + visible + ") X group by X.KEY_ order by X.KEY_",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        },
        args.toArray());
    return counts;
  }

  /**
   * The visible tasks as a union: the user's own, and (unassigned) their groups' candidates. A
   * union lets each part use its index (assignee; identity link by group) where an OR would scan
   * every open task; UNION (not ALL) drops a task linked to two of the user's groups twice.
   */
  private static String visible(String user, List<String> groups, Inbox.Filter filter, Date now, List<Object> args, String columns) {
    String common = common(user, groups, filter, now);
    List<String> parts = new ArrayList<>();
    if (!"unassigned".equals(filter.assignment())) {
      parts.add("select " + columns + " from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ where T.ASSIGNEE_ = ?" + common);
      args.add(user);
      commonArgs(user, groups, filter, now, args);
    }
    if (!"mine".equals(filter.assignment()) && !groups.isEmpty()) {
      parts.add(
          // IN (subquery), not a join: H2 then reads the group's links by index and each task by
          // key, where with a join it scanned every open task (EXPLAIN)
          "select " + columns + " from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_"
              + " where T.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in ("
              + marks(groups.size()) + ")) and T.ASSIGNEE_ is null" + common);
      args.addAll(groups);
      commonArgs(user, groups, filter, now, args);
    }
    if (parts.isEmpty()) {
      return "select " + columns + " from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_ where 1 = 0";
    }
    return String.join(" union ", parts);
  }

  private static String common(String user, List<String> groups, Inbox.Filter filter, Date now) {
    StringBuilder sql = new StringBuilder(" and T.SUSPENSION_STATE_ = 1");
    if (!filter.process().isEmpty()) {
      sql.append(" and D.KEY_ = ?");
    }
    if ("overdue".equals(filter.due())) {
      sql.append(" and T.DUE_DATE_ < ?");
    } else if ("soon".equals(filter.due())) {
      sql.append(" and T.DUE_DATE_ > ? and T.DUE_DATE_ < ?");
    }
    String who = "(A.USER_ID_ in (?, '*')" + (groups.isEmpty() ? "" : " or A.GROUP_ID_ in (" + marks(groups.size()) + ")") + ")";
    // one equality per EXISTS, so that each is an index lookup on RESOURCE_ID_ (an IN over a
    // correlated column made H2 and MariaDB scan the authorization table once per task)
    sql.append(" and (")
        .append(granted(who, TASK, "T.ID_", READ))
        .append(" or ")
        .append(granted(who, TASK, "'*'", READ))
        .append(" or ")
        .append(granted(who, PROCESS_DEFINITION, "D.KEY_", READ_TASK))
        .append(" or ")
        .append(granted(who, PROCESS_DEFINITION, "'*'", READ_TASK))
        .append(")");
    return sql.toString();
  }

  private static void commonArgs(String user, List<String> groups, Inbox.Filter filter, Date now, List<Object> args) {
    if (!filter.process().isEmpty()) {
      args.add(filter.process());
    }
    if ("overdue".equals(filter.due())) {
      args.add(new Timestamp(now.getTime()));
    } else if ("soon".equals(filter.due())) {
      args.add(new Timestamp(now.getTime()));
      args.add(new Timestamp(now.getTime() + InboxService.DUE_SOON.toMillis()));
    }
    for (int i = 0; i < 4; i++) {
      args.add(user);
      args.addAll(groups);
    }
  }

  private static String granted(String who, int resourceType, String resource, int bit) {
    return "exists (select 1 from ACT_RU_AUTHORIZATION A where A.RESOURCE_ID_ = " + resource + " and A.RESOURCE_TYPE_ = " + resourceType
        + " and A.TYPE_ in (0, 1) and " + who + " and " + has(bit) + ")";
  }

  /** The permission bit, portable between H2 and MySQL (no common bitwise-and). */
  private static String has(int bit) {
    return "mod(floor(A.PERMS_ / " + bit + "), 2) = 1";
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static Date date(Timestamp t) {
    return t == null ? null : new Date(t.getTime());
  }
}
