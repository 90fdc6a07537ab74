package org.probity.tasks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.probity.support.TemplateRows;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Seeds the inbox benchmark's data fast: one real instance of the test process {@code inbox-probe}
 * is run through the engine, and its rows (execution, task, candidate-group identity link, the
 * task's READ/TASK_WORK authorizations, and its history rows) are copied with JDBC batch inserts,
 * ids prefixed so that every copy is distinct and can be deleted again. Open tasks rotate over
 * the candidate groups; {@code groupTasks} of them, spread evenly, go to {@link #GROUP}.
 */
final class InboxSeed {

  static final String KEY = "inbox-probe";
  static final String GROUP = "investigators";
  /** The other groups' share of the open tasks. */
  static final String[] OTHER_GROUPS = {
    "vetting-officers", "vetting-panel", "oversight-committee", "equality-analysts", "finance-officers", "intake-officers"
  };
  static final String PREFIX = "bench";
  private static final int BATCH = 1000;

  private final ProcessEngine engine;
  private final DataSource dataSource;
  private String deploymentId;

  InboxSeed(ProcessEngine engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
  }

  /** The rows of one table that belong to the template instance. */

  /** Deploys the test process and runs one instance to its first (investigators') task. */
  ProcessInstance template() {
    deploymentId =
        engine.getRepositoryService()
            .createDeployment()
            .name("inbox-benchmark")
            .addClasspathResource("bpmn/inbox-probe.bpmn")
            .addClasspathResource("bpmn/inbox-probe-priority.dmn")
            .addClasspathResource("forms-test/inbox-probe-intake.form")
            .addClasspathResource("forms-test/inbox-probe-review.form")
            .addClasspathResource("forms-test/inbox-probe-finding.form")
            .deploy()
            .getId();
    return engine.getRuntimeService()
        .startProcessInstanceByKey(KEY, "BENCH-TEMPLATE-" + System.nanoTime(), Map.of("summary", "Benchmark", "severity", "high", "reviewDue", "2099-01-31"));
  }

  /** Inserts {@code openTasks} open tasks (the first {@code groupTasks} for {@link #GROUP}) and {@code finished} finished instances. */
  void seed(ProcessInstance template, int openTasks, int groupTasks, int finished) throws SQLException {
    String pi = template.getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    try (Connection c = dataSource.getConnection()) {
      List<TemplateRows> open = new ArrayList<>();
      open.add(TemplateRows.read(c, "ACT_RU_EXECUTION", "PROC_INST_ID_", pi));
      open.add(TemplateRows.read(c, "ACT_RU_TASK", "ID_", taskId));
      open.add(TemplateRows.read(c, "ACT_RU_IDENTITYLINK", "TASK_ID_", taskId));
      open.add(TemplateRows.read(c, "ACT_RU_AUTHORIZATION", "RESOURCE_ID_", taskId));
      List<TemplateRows> history = new ArrayList<>();
      history.add(TemplateRows.read(c, "ACT_HI_PROCINST", "PROC_INST_ID_", pi));
      history.add(TemplateRows.read(c, "ACT_HI_TASKINST", "PROC_INST_ID_", pi));
      Set<String> ids = new HashSet<>(Set.of(pi, taskId));
      for (TemplateRows r : open) {
        idsOf(r, ids);
      }
      for (TemplateRows r : history) {
        idsOf(r, ids);
      }
      long base = System.currentTimeMillis();
      c.setAutoCommit(false);
      for (TemplateRows r : open) {
        insert(c, r, openTasks, ids, "", (i, column, value) -> {
          return switch (column) {
            // newest first: task i created i seconds ago
            case "CREATE_TIME_", "LAST_UPDATED_" -> value == null ? null : new Timestamp(base - i * 1000L);
            case "GROUP_ID_" -> value == null ? null : groupOf(i, openTasks, groupTasks);
            case "BUSINESS_KEY_" -> value == null ? null : "BENCH-" + i;
            case "PRIORITY_" -> 25 + (i % 5) * 25;
            default -> value;
          };
        });
      }
      long day = 24 * 3600_000L;
      for (TemplateRows r : history) {
        insert(c, r, finished, ids, "h", (i, column, value) -> {
          long start = base - 400 * day + (i % 300) * day + i;
          return switch (column) {
            case "START_TIME_" -> new Timestamp(start);
            case "END_TIME_" -> new Timestamp(start + 3600_000L);
            case "DURATION_" -> 3600_000L;
            case "STATE_" -> "COMPLETED";
            case "TASK_STATE_" -> "Completed";
            case "DELETE_REASON_" -> "ACT_HI_TASKINST".equals(r.table()) ? "completed" : null;
            case "END_ACT_ID_" -> "EndEvent_Closed";
            case "BUSINESS_KEY_" -> "BENCH-DONE-" + i;
            default -> value;
          };
        });
      }
      c.setAutoCommit(true);
    }
  }

  /**
   * The candidate group of open task {@code i}: {@link #GROUP}'s tasks are spread evenly through
   * the creation order (every (open / groupTasks)-th task), not clustered at one end, so that no
   * query gets them for free by reading the newest tasks only.
   */
  static String groupOf(int i, int openTasks, int groupTasks) {
    int stride = Math.max(1, openTasks / Math.max(1, groupTasks));
    return i % stride == 0 && i / stride < groupTasks ? GROUP : OTHER_GROUPS[i % OTHER_GROUPS.length];
  }

  /** Deletes every seeded row and the template's deployment (used by the smoke run in the shared test database). */
  void remove() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : new String[] {"ACT_RU_AUTHORIZATION", "ACT_RU_IDENTITYLINK", "ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_HI_TASKINST", "ACT_HI_PROCINST"}) {
        s.executeUpdate("delete from " + table + " where ID_ like '" + PREFIX + "%'");
      }
    }
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  interface Value {
    Object of(int i, String column, Object templateValue);
  }

  private static void idsOf(TemplateRows rows, Set<String> ids) {
    int id = rows.columns().indexOf("ID_");
    for (Object[] row : rows.values()) {
      ids.add((String) row[id]);
    }
  }

  /** Inserts {@code count} copies of the rows, every template id in a value replaced by a copy-specific one. */
  private static void insert(Connection c, TemplateRows rows, int count, Set<String> ids, String kind, Value value) throws SQLException {
    String sql =
        "insert into " + rows.table() + " (" + String.join(", ", rows.columns()) + ") values ("
            + String.join(", ", rows.columns().stream().map(x -> "?").toList()) + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (int i = 0; i < count; i++) {
        String prefix = PREFIX + kind + i + "-";
        for (Object[] row : rows.values()) {
          for (int k = 0; k < row.length; k++) {
            Object v = row[k];
            if (v instanceof String s && ids.contains(s)) {
              v = prefix + s;
            }
            ps.setObject(k + 1, value.of(i, rows.columns().get(k), v));
          }
          ps.addBatch();
          if (++pending % BATCH == 0) {
            ps.executeBatch();
          }
          if (pending % (BATCH * 20) == 0) {
            c.commit();
          }
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
