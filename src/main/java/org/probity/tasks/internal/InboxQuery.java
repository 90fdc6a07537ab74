package org.probity.tasks.internal;

import org.probity.common.SqlMarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox's page and counts in plain SQL over Camunda's runtime tables, instead of Camunda's
 * task query (whose authorization check joins every task against the authorization table) run
 * once for the page and once per process key for the counts. Measured by InboxBenchmark (README
 * "Performance").
 *
 * <p>It keeps Camunda's rules: mine = assignee is the user; my groups' = unassigned with a
 * candidate link to one of the user's groups; active only; visible when a grant (or global)
 * authorization of the user, one of their groups or everyone gives READ on the task (its id or
 * all tasks) or READ_TASK on its process definition (its key or all). Where those rules are not
 * the whole story (a REVOKE authorization on tasks or definitions for the user, one of their
 * groups or everyone, or the user is a Camunda administrator), {@link #scope} says so and the
 * inbox uses Camunda's own query.
 *
 * <p>How it stays fast (each measured, README "Performance → Inbox"):
 *
 * <ul>
 *   <li>The grants that do not depend on the task (all tasks, all definitions, some definition
 *       keys) are read once per request ({@link #scope}); a task then needs its own authorization
 *       row looked up only when none of those covers it.
 *   <li>Mine and my groups' are two statements (they are disjoint: assigned to me, or unassigned),
 *       each able to use its own index, merged here in the same order.
 *   <li>Counts read at most {@link InboxService#COUNT_LIMIT} tasks a part (past it the page says
 *       "200+"): exact counts of a 10,000-task group read every task and its grant per request.
 *       A group's tasks are counted from its candidate links in chunks, then by primary key.
 *   <li>The page's group part joins the identity links (one lookup per task read) rather than an
 *       IN (subquery), which both databases read whole (10,000 links) before the first row.
 *   <li>Paging is by keyset (the page links carry the sort value and id of the first and last
 *       row): sorted by creation, a large group's page is read along the creation-time index and
 *       stops after a page's worth of visible tasks, on any page.
 *   <li>Composite indexes on Camunda's tables: {@link TaskIndexes}.
 * </ul>
 */
@Component
class InboxQuery {

  /** Camunda's resource type ids and permission bits. */
  private static final int TASK = 7;
  private static final int PROCESS_DEFINITION = 6;
  private static final int READ = 2;
  private static final int READ_TASK = 64;
  /** Candidate links read per statement when counting a group's tasks: as many as still wanted, within these bounds. */
  private static final int COUNT_CHUNK = 1_000;
  private static final int COUNT_CHUNK_MIN = 100;
  /** The open-task count used to choose a plan is re-read at most this often (it is never shown). */
  private static final long ESTIMATE_MILLIS = 60_000;

  /** A task of the page; {@code businessKey} when the statement read it (else null: ask {@link #businessKeys}). */
  record Row(String id, String name, String processDefinitionId, String processInstanceId, Date created, Date due, int priority, String assignee, String businessKey) {}

  /** A deployed process definition as the inbox shows it. */
  record Definition(String id, String key, String name, int version, boolean active, boolean startableInTasklist) {

    /** The name, else the key. */
    String displayName() {
      return name != null ? name : key;
    }
  }

  /**
   * Every deployed definition, by id, in one plain statement (Camunda's definition query also
   * reads each result's BPMN model for its documentation, three times per inbox request).
   */
  Map<String, Definition> definitions() {
    Map<String, Definition> definitions = new HashMap<>();
    jdbc.query("select ID_, KEY_, NAME_, VERSION_, SUSPENSION_STATE_, STARTABLE_ from ACT_RE_PROCDEF", rs -> {
      Definition d = new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5) == 1, rs.getBoolean(6));
      definitions.put(d.id(), d);
    });
    return definitions;
  }

  /** The latest version of each process key, by key. */
  static Map<String, Definition> latest(Map<String, Definition> definitions) {
    Map<String, Definition> latest = new TreeMap<>();
    for (Definition d : definitions.values()) {
      latest.merge(d.key(), d, (a, b) -> a.version() >= b.version() ? a : b);
    }
    return latest;
  }

  /**
   * What one request knows before reading tasks: the user, their groups, whether their grants
   * show every task, which definitions' tasks they show whole, and each definition's key.
   */
  record Scope(String user, List<String> groups, boolean everything, Set<String> grantedDefinitions, Map<String, String> keys) {

    /** Definition ids of a process key. */
    List<String> definitionsOf(String key) {
      return keys.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).sorted().toList();
    }
  }

  /**
   * Counts of visible open tasks per definition id, for each part. A part with more than the
   * limit's visible tasks is counted over the first {@code limit} found ({@code mineAtLeast},
   * {@code groupsAtLeast}): its counts are then lower bounds, and a process missing from them may
   * still have tasks in it.
   */
  record Counts(Map<String, Long> mine, boolean mineAtLeast, Map<String, Long> groups, boolean groupsAtLeast) {

    Map<String, Long> byKey(Scope scope) {
      Map<String, Long> counts = new TreeMap<>();
      for (Map<String, Long> part : List.of(mine, groups)) {
        part.forEach((definition, n) -> counts.merge(scope.keys().getOrDefault(definition, ""), n, Long::sum));
      }
      counts.remove("");
      return counts;
    }

    boolean atLeast() {
      return mineAtLeast || groupsAtLeast;
    }

    boolean atLeast(Part part) {
      return part == Part.MINE ? mineAtLeast : groupsAtLeast;
    }

    Map<String, Long> of(Part part) {
      return part == Part.MINE ? mine : groups;
    }
  }

  /**
   * Where a page starts: after (or, going back, before) the row with this sort value and id;
   * {@code value} is null for a row whose sort column is null.
   */
  record Cursor(boolean forward, Long value, String id) {

    /** "value~id" ("-" for a null value) as the page links carry it; null when malformed. */
    static Cursor parse(boolean forward, String token) {
      if (token == null || token.isBlank() || token.length() > 100) {
        return null;
      }
      int tilde = token.indexOf('~');
      if (tilde <= 0 || tilde == token.length() - 1) {
        return null;
      }
      String value = token.substring(0, tilde);
      String id = token.substring(tilde + 1);
      try {
        return new Cursor(forward, "-".equals(value) ? null : Long.valueOf(value), id);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    static String of(Row row, String sort) {
      Long value = valueOf(row, sort);
      return (value == null ? "-" : value.toString()) + "~" + row.id();
    }
  }

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;
  private final DataSource dataSource;
  private final CamundaPermissions permissions;
  private volatile Boolean mySql;
  private volatile long openEstimate = -1;
  private volatile long openEstimateAt;

  InboxQuery(DataSource dataSource, ProcessEngineConfiguration engine, CamundaPermissions permissions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.permissions = permissions;
    this.dataSource = dataSource;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /**
   * The user's scope, or null where this query would not give Camunda's answer (authorization
   * off, a Camunda administrator, or a REVOKE on tasks or definitions that concerns the user).
   */
  Scope scope(String user, List<String> groups, Map<String, Definition> definitions) {
    if (!engine.isAuthorizationEnabled()) {
      return null;
    }
    if (permissions.isEngineAdmin(user, groups)) {
      return null;
    }
    // the user's, everyone's and their groups' grants and revokes on definitions, grants on all
    // tasks and revokes on tasks, never the per-task grants: one branch per authorization type,
    // principal and resource type, each a range of the unique (type, principal, resource type,
    // id) indexes (with the conditions OR-ed in one statement, or a principal IN list, H2 read
    // every grant of the group or the type, one per open task: 50 ms with 10,000)
    String columns = "select A.TYPE_, A.RESOURCE_TYPE_, A.RESOURCE_ID_, A.PERMS_ from ACT_RU_AUTHORIZATION A where A.TYPE_ = ";
    List<String> branches = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (int type = 0; type <= 2; type++) {
      for (int resourceType : new int[] {PROCESS_DEFINITION, TASK}) {
        // grants on tasks: those on all tasks only; revokes on tasks: any
        String resource = resourceType == TASK && type != 2 ? " and A.RESOURCE_ID_ = '*'" : "";
        // equalities only: with USER_ID_ in (?, '*') H2 read every grant of the type
        branches.add(columns + type + " and A.USER_ID_ = '*' and A.RESOURCE_TYPE_ = " + resourceType + resource);
        if (type != 0) {
          branches.add(columns + type + " and A.USER_ID_ = ? and A.RESOURCE_TYPE_ = " + resourceType + resource);
          args.add(user);
          for (String group : groups) {
            branches.add(columns + type + " and A.GROUP_ID_ = ? and A.RESOURCE_TYPE_ = " + resourceType + resource);
            args.add(group);
          }
        }
      }
    }
    String sql = String.join(" union all ", branches);
    boolean[] revoked = {false};
    boolean[] everything = {false};
    Set<String> grantedKeys = new LinkedHashSet<>();
    jdbc.query(
        sql,
        rs -> {
          int type = rs.getInt(1);
          int resourceType = rs.getInt(2);
          String resource = rs.getString(3);
          int perms = rs.getInt(4);
          if (type == 2) {
            revoked[0] = true;
          } else if (resourceType == TASK && has(perms, READ)) {
            everything[0] = true;
          } else if (resourceType == PROCESS_DEFINITION && has(perms, READ_TASK)) {
            if ("*".equals(resource)) {
              everything[0] = true;
            } else {
              grantedKeys.add(resource);
            }
          }
        },
        args.toArray());
    if (revoked[0]) {
      return null;
    }
    Map<String, String> keys = new HashMap<>();
    definitions.forEach((id, d) -> keys.put(id, d.key()));
    Set<String> granted = new LinkedHashSet<>();
    keys.forEach((id, key) -> {
      if (grantedKeys.contains(key)) {
        granted.add(id);
      }
    });
    return new Scope(user, List.copyOf(groups), everything[0], granted, keys);
  }

  /**
   * Open visible tasks per definition id, mine and my groups' apart (whatever the process filter),
   * each part counted up to {@code limit} tasks. Exact counts of a large group's tasks would read
   * every one of them, with its grant, on every request (10,000 tasks: about 100 ms on MariaDB,
   * InboxBenchmark); past the limit the page shows "200+" instead.
   */
  Counts counts(Scope scope, Inbox.Filter filter, Date now, int limit) {
    Inbox.Filter all = new Inbox.Filter("", filter.due(), filter.assignment(), filter.sort(), filter.dir(), 0, null, null);
    Map<String, Long> mine = new HashMap<>();
    Map<String, Long> groups = new HashMap<>();
    boolean mineAtLeast = count(scope, Part.MINE, all, now, limit, mine);
    boolean groupsAtLeast = count(scope, Part.GROUPS, all, now, limit, groups);
    return new Counts(mine, mineAtLeast, groups, groupsAtLeast);
  }

  /** Fills the part's counts; true when the part holds more than {@code limit} visible tasks. */
  private boolean count(Scope scope, Part part, Inbox.Filter filter, Date now, int limit, Map<String, Long> counts) {
    if (!part.applies(scope, filter)) {
      return false;
    }
    Map<String, String> visible = new LinkedHashMap<>();
    boolean cut = false;
    if (part == Part.MINE) {
      List<Object> args = new ArrayList<>();
      String sql = "select T.ID_, T.PROC_DEF_ID_ " + from(scope, part, filter, now, args, false, false) + " limit ?";
      args.add(limit + 1);
      jdbc.query(sql, rs -> {
        visible.put(rs.getString(1), rs.getString(2));
      }, args.toArray());
    } else if (mySql()) {
      // MariaDB/MySQL: the join from the links, stopped by the limit (a correlated check per link,
      // as on H2, cost it twice as much); a task linked to n of the user's groups comes n times,
      // so read enough rows to find limit + 1 distinct tasks
      List<Object> args = new ArrayList<>();
      String sql = "select T.ID_, T.PROC_DEF_ID_ " + from(scope, part, filter, now, args, false, false) + " limit ?";
      long read = (long) (limit + 1) * scope.groups().size();
      args.add(read);
      int[] rows = {0};
      jdbc.query(sql, rs -> {
        rows[0]++;
        visible.putIfAbsent(rs.getString(1), rs.getString(2));
      }, args.toArray());
      // stopped by the limit: more may follow even if repeated links left fewer distinct tasks
      cut = rows[0] >= read;
    } else {
      groupTasks(scope, filter, now, limit + 1, visible);
    }
    boolean atLeast = cut || visible.size() > limit;
    visible.values().stream().limit(limit).forEach(definition -> counts.merge(definition, 1L, Long::sum));
    return atLeast;
  }

  /**
   * Up to {@code wanted} visible tasks of the user's groups (any order) into {@code visible}: each
   * group's candidate links in chunks along their index, each link's task checked by primary key
   * in a correlated subquery (its definition id, or null when not visible). With one table in the
   * FROM clause H2 cannot choose to scan the open tasks and check each one's grant (it did, for a
   * join of tasks and links and for an IN list of ids: 10,000 grant checks a request).
   */
  private void groupTasks(Scope scope, Inbox.Filter filter, Date now, int wanted, Map<String, String> visible) {
    Set<String> seen = new HashSet<>();
    for (String group : scope.groups()) {
      String after = "";
      while (visible.size() < wanted) {
        List<Object> args = new ArrayList<>();
        // ordered by the whole index prefix: H2 reads along the index and stops at the limit only
        // when the order names the index's leading columns, even those fixed by the conditions
        String sql = "select I.TASK_ID_, (select T.PROC_DEF_ID_ " + from(scope, Part.GROUPS, filter, now, args, false, true) + ")"
            + " from ACT_RU_IDENTITYLINK I where I.GROUP_ID_ = ? and I.TYPE_ = 'candidate' and I.TASK_ID_ > ?"
            + " order by I.GROUP_ID_, I.TYPE_, I.TASK_ID_ limit ?";
        int chunk = Math.max(COUNT_CHUNK_MIN, Math.min(COUNT_CHUNK, wanted - visible.size()));
        args.add(group);
        args.add(after);
        args.add(chunk);
        List<String[]> links = jdbc.query(sql, (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, args.toArray());
        for (String[] link : links) {
          if (link[1] != null && seen.add(link[0]) && visible.size() < wanted) {
            visible.put(link[0], link[1]);
          }
        }
        if (links.size() < chunk) {
          break;
        }
        after = links.get(links.size() - 1)[0];
      }
    }
  }

  /**
   * One page: up to {@code limit} visible tasks in the filter's order, after (or before) the
   * cursor, or from {@code offset} when there is none (a bookmarked page number). {@code counts}
   * (from {@link #counts}) choose the plan. Rows come in display order.
   */
  List<Row> page(Scope scope, Inbox.Filter filter, Date now, Cursor cursor, int offset, int limit, Counts counts) {
    boolean forward = cursor == null || cursor.forward();
    Order order = Order.of(filter, forward);
    int wanted = cursor == null ? offset + limit : limit;
    List<Row> rows = new ArrayList<>();
    for (Part part : Part.values()) {
      if (!part.applies(scope, filter)) {
        continue;
      }
      // a part counted past the limit may have tasks of a process its counts do not show
      boolean large = counts.atLeast(part);
      long visible = visible(scope, filter, counts.of(part));
      if (visible == 0 && !large) {
        continue;
      }
      // along the creation-time index when a page's worth of the part's tasks is expected within
      // fewer index entries than the part holds (so always past the count limit); else from the
      // part's own rows, sorted
      boolean walk = part == Part.GROUPS && "created".equals(filter.sort()) && (large || (double) wanted * openTasks() / visible < visible);
      List<Object> args = new ArrayList<>();
      String columns = "select T.ID_, T.NAME_, T.PROC_DEF_ID_, T.PROC_INST_ID_, T.CREATE_TIME_, T.DUE_DATE_, T.PRIORITY_, T.ASSIGNEE_ ";
      // MariaDB/MySQL walk: the ids first, from a covering index (PRB_IDX_TASK_QUEUE), then the
      // page's rows by primary key; reading whole rows along the walk cost a row read for each of
      // the ~500 index entries passed (4.9 to 6.0 ms against 3.6 to 4.1 ms a page, measured)
      boolean idsFirst = walk && mySql();
      String sql = (idsFirst ? "select T.ID_ " : columns) + from(scope, part, filter, now, args, walk, false);
      if (cursor != null) {
        sql += order.after(cursor, args);
      }
      sql += " order by " + order.sql() + " limit ?";
      if (idsFirst) {
        // the case references too, for these rows only (one statement less per request)
        sql = columns + ", E.BUSINESS_KEY_ from (" + sql + ") X join ACT_RU_TASK T on T.ID_ = X.ID_"
            + " left join ACT_RU_EXECUTION E on E.ID_ = T.PROC_INST_ID_ order by " + order.sql();
      }
      // repeats of a task linked to several of the user's groups come next to each other
      args.add(part == Part.MINE ? wanted : (long) wanted * scope.groups().size());
      jdbc.query(sql, rs -> {
        Row row = row(rs, idsFirst);
        if (rows.isEmpty() || !rows.get(rows.size() - 1).id().equals(row.id())) {
          rows.add(row);
        }
      }, args.toArray());
    }
    rows.sort(order.comparator(filter.sort()));
    List<Row> page = rows.subList(Math.min(rows.size(), cursor == null ? offset : 0), Math.min(rows.size(), wanted));
    page = new ArrayList<>(page);
    if (!forward) {
      Collections.reverse(page);
    }
    return page;
  }

  /** Business keys of process instances (ids are the instances' executions' ids). */
  Map<String, String> businessKeys(Set<String> processInstanceIds) {
    List<String> ids = List.copyOf(processInstanceIds);
    Map<String, String> keys = new HashMap<>();
    jdbc.query("select ID_, BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ in (" + SqlMarks.of(ids.size()) + ")", rs -> {
      if (rs.getString(2) != null) {
        keys.put(rs.getString(1), rs.getString(2));
      }
    }, ids.toArray());
    return keys;
  }

  private static long visible(Scope scope, Inbox.Filter filter, Map<String, Long> counts) {
    if (filter.process().isEmpty()) {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
    return scope.definitionsOf(filter.process()).stream().mapToLong(d -> counts.getOrDefault(d, 0L)).sum();
  }

  /** Mine and my groups' unclaimed: disjoint (assigned to the user, or to no one). */
  enum Part {
    MINE,
    GROUPS;

    boolean applies(Scope scope, Inbox.Filter filter) {
      return this == MINE ? !"unassigned".equals(filter.assignment()) : !"mine".equals(filter.assignment()) && !scope.groups().isEmpty();
    }
  }

  /**
   * The part's visible tasks, filtered. {@code walk}: read along the creation-time index.
   * {@code ofLink}: the group part's task of the identity link {@code I} of an outer statement,
   * by primary key. Otherwise the group part is a join with the identity links, so that
   * a limit stops the read early (an IN (subquery) is read whole first: 10,000 links for a large
   * group, on every request); a task linked to several of the user's groups then comes once per
   * link, and callers remove repeats.
   */
  private String from(Scope scope, Part part, Inbox.Filter filter, Date now, List<Object> args, boolean walk, boolean ofLink) {
    String hint = walk ? (mySql() ? " force index (" + TaskIndexes.TASK_QUEUE + ")" : " use index (ACT_IDX_TASK_CREATE)") : "";
    StringBuilder sql = new StringBuilder();
    if (part == Part.MINE) {
      sql.append(" from ACT_RU_TASK T").append(hint).append(" where T.ASSIGNEE_ = ?");
      args.add(scope.user());
    } else if (ofLink) {
      sql.append(" from ACT_RU_TASK T where T.ID_ = I.TASK_ID_ and T.ASSIGNEE_ is null");
    } else {
      sql.append(walk ? " from ACT_RU_TASK T" + hint + " join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_" : " from ACT_RU_IDENTITYLINK I join ACT_RU_TASK T on T.ID_ = I.TASK_ID_")
          .append(" where I.GROUP_ID_ in (")
          .append(SqlMarks.of(scope.groups().size()))
          .append(") and I.TYPE_ = 'candidate' and T.ASSIGNEE_ is null");
      args.addAll(scope.groups());
    }
    sql.append(" and T.SUSPENSION_STATE_ = 1 and T.PROC_DEF_ID_ is not null");
    if (!filter.process().isEmpty()) {
      List<String> definitions = scope.definitionsOf(filter.process());
      if (definitions.isEmpty()) {
        sql.append(" and 1 = 0");
      } else {
        sql.append(" and T.PROC_DEF_ID_ in (").append(SqlMarks.of(definitions.size())).append(")");
        args.addAll(definitions);
      }
    }
    if ("overdue".equals(filter.due())) {
      sql.append(" and T.DUE_DATE_ < ?");
      args.add(new Timestamp(now.getTime()));
    } else if ("soon".equals(filter.due())) {
      sql.append(" and T.DUE_DATE_ > ? and T.DUE_DATE_ < ?");
      args.add(new Timestamp(now.getTime()));
      args.add(new Timestamp(now.getTime() + InboxService.DUE_SOON.toMillis()));
    }
    if (!scope.everything()) {
      sql.append(" and (");
      if (!scope.grantedDefinitions().isEmpty()) {
        sql.append("T.PROC_DEF_ID_ in (").append(SqlMarks.of(scope.grantedDefinitions().size())).append(") or ");
        args.addAll(scope.grantedDefinitions());
      }
      // the task's own grant: one covering index lookup (PRB_IDX_AUTH_RESOURCE)
      sql.append("exists (select 1 from ACT_RU_AUTHORIZATION A where A.RESOURCE_ID_ = T.ID_ and A.RESOURCE_TYPE_ = ")
          .append(TASK)
          .append(" and A.TYPE_ in (0, 1) and (A.USER_ID_ in (?, '*')");
      args.add(scope.user());
      if (!scope.groups().isEmpty()) {
        sql.append(" or A.GROUP_ID_ in (").append(SqlMarks.of(scope.groups().size())).append(")");
        args.addAll(scope.groups());
      }
      sql.append(") and mod(floor(A.PERMS_ / ").append(READ).append("), 2) = 1))");
    }
    return sql.toString();
  }

  /**
   * A sort order: the column, its direction (the id, the tie-break, goes the same way), and where
   * nulls go. Both databases sort nulls as the lowest value; where the inbox wants otherwise (due
   * date and priority: nulls last both ways) a null rank comes first in the order.
   */
  record Order(String column, boolean descending, boolean nullsLast) {

    static Order of(Inbox.Filter filter, boolean forward) {
      String column =
          switch (filter.sort()) {
            case "due" -> "T.DUE_DATE_";
            case "priority" -> "T.PRIORITY_";
            default -> "T.CREATE_TIME_";
          };
      boolean descending = !filter.ascending();
      // creation: the databases' own rule (nulls lowest; Camunda always sets it); others: last
      boolean nullsLast = "created".equals(filter.sort()) ? descending : true;
      return forward ? new Order(column, descending, nullsLast) : new Order(column, !descending, !nullsLast);
    }

    private boolean natural() {
      return nullsLast == descending;
    }

    String sql() {
      String dir = descending ? " desc" : " asc";
      String rank = natural() ? "" : "case when " + column + " is null then " + (nullsLast ? 1 : 0) + " else " + (nullsLast ? 0 : 1) + " end, ";
      return rank + column + dir + ", T.ID_" + dir;
    }

    /** The rows after the cursor in this order. */
    String after(Cursor cursor, List<Object> args) {
      String cmp = descending ? "<" : ">";
      List<String> or = new ArrayList<>();
      boolean cursorNull = cursor.value() == null;
      // rows of the later null rank
      if (cursorNull != nullsLast) {
        or.add(column + (nullsLast ? " is null" : " is not null"));
      }
      if (cursorNull) {
        or.add("(" + column + " is null and T.ID_ " + cmp + " ?)");
        args.add(cursor.id());
      } else {
        Object value = "T.PRIORITY_".equals(column) ? (Object) cursor.value().intValue() : new Timestamp(cursor.value());
        or.add("(" + column + " " + cmp + " ? or (" + column + " = ? and T.ID_ " + cmp + " ?))");
        args.add(value);
        args.add(value);
        args.add(cursor.id());
      }
      return " and (" + String.join(" or ", or) + ")";
    }

    /** The same order in Java, to merge the parts. */
    Comparator<Row> comparator(String sort) {
      Comparator<Row> byRank = Comparator.comparingInt(r -> (valueOf(r, sort) == null) == nullsLast ? 1 : 0);
      Comparator<Row> byValue = Comparator.comparing(r -> valueOf(r, sort), Comparator.nullsFirst(Comparator.naturalOrder()));
      Comparator<Row> byId = Comparator.comparing(Row::id);
      if (descending) {
        byValue = byValue.reversed();
        byId = byId.reversed();
      }
      return byRank.thenComparing(byValue).thenComparing(byId);
    }
  }

  static Long valueOf(Row row, String sort) {
    return switch (sort) {
      case "due" -> row.due() == null ? null : row.due().getTime();
      case "priority" -> (long) row.priority();
      default -> row.created() == null ? null : row.created().getTime();
    };
  }

  /** Open tasks in the database, re-read at most once a minute: it only chooses a plan. */
  private long openTasks() {
    long now = System.currentTimeMillis();
    if (openEstimate < 0 || now - openEstimateAt > ESTIMATE_MILLIS) {
      Long n = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
      openEstimate = n == null ? 0 : n;
      openEstimateAt = now;
    }
    return openEstimate;
  }

  private boolean mySql() {
    if (mySql == null) {
      try (Connection c = dataSource.getConnection()) {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase();
        mySql = product.contains("mysql") || product.contains("mariadb");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return mySql;
  }

  private static Row row(java.sql.ResultSet rs, boolean withBusinessKey) throws SQLException {
    return new Row(
        rs.getString("ID_"),
        rs.getString("NAME_"),
        rs.getString("PROC_DEF_ID_"),
        rs.getString("PROC_INST_ID_"),
        date(rs.getTimestamp("CREATE_TIME_")),
        date(rs.getTimestamp("DUE_DATE_")),
        rs.getInt("PRIORITY_"),
        rs.getString("ASSIGNEE_"),
        withBusinessKey ? rs.getString("BUSINESS_KEY_") : null);
  }

  private static boolean has(int perms, int bit) {
    return (perms & bit) == bit;
  }


  private static Date date(Timestamp t) {
    return t == null ? null : new Date(t.getTime());
  }
}
