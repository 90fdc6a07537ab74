package org.probity.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.probity.support.TemplateRows;

/**
 * Open triage tasks in bulk, for the completion benchmark's background (the approach of the inbox
 * benchmark's seed, copied): one real complaint is started through Probity's engine, and the rows
 * of its process instance (every execution), of its triage task, the task's candidate-group
 * identity link and its READ/TASK_WORK authorizations are copied with JDBC batch inserts, every id
 * prefixed so that each copy is distinct and can be deleted again. The copies are never completed;
 * they make ACT_RU_TASK, ACT_RU_EXECUTION, ACT_RU_IDENTITYLINK and ACT_RU_AUTHORIZATION as large
 * as in a busy installation.
 */
final class LoadSeed {

  static final String PREFIX = "bload";
  private static final int BATCH = 1000;

  private final ProcessEngine engine;
  private final DataSource dataSource;
  private String templateInstance;
  private List<TemplateRows> template;
  private Set<String> ids;
  private int copies;

  LoadSeed(ProcessEngine engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
  }


  /** Adds {@code count} copies of the template's open triage task. */
  void seed(int count) throws SQLException {
    prepare();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      // in slices, so that executions exist before the tasks that point at them in each commit
      int slice = BATCH * 20;
      for (int from = 0; from < count; from += slice) {
        int to = Math.min(count, from + slice);
        for (TemplateRows r : template) {
          insert(c, r, copies + from, copies + to);
        }
        c.commit();
      }
      c.setAutoCommit(true);
    }
    copies += count;
  }

  /** Starts the template complaint (two open tasks) and reads its rows, once. */
  void prepare() throws SQLException {
    if (template == null) {
      read();
    }
  }

  private void read() throws SQLException {
    templateInstance = engine.getRuntimeService().startProcessInstanceByKey(LoadHarness.KEY, LoadHarness.intakeValues()).getId();
    String task =
        engine.getTaskService().createTaskQuery().processInstanceId(templateInstance).taskDefinitionKey(LoadHarness.TRIAGE).singleResult().getId();
    try (Connection c = dataSource.getConnection()) {
      TemplateRows executions = TemplateRows.read(c, "ACT_RU_EXECUTION", "PROC_INST_ID_", templateInstance);
      template = List.of(parentsFirst(executions), TemplateRows.read(c, "ACT_RU_TASK", "ID_", task), TemplateRows.read(c, "ACT_RU_IDENTITYLINK", "TASK_ID_", task),
          TemplateRows.read(c, "ACT_RU_AUTHORIZATION", "RESOURCE_ID_", task));
    }
    ids = new HashSet<>(Set.of(templateInstance, task));
    for (TemplateRows r : template) {
      int id = r.columns().indexOf("ID_");
      for (Object[] row : r.values()) {
        ids.add((String) row[id]);
      }
    }
  }

  /** Executions ordered so that a parent row is inserted before its children (foreign keys). */
  private static TemplateRows parentsFirst(TemplateRows executions) {
    int id = executions.columns().indexOf("ID_");
    int parent = executions.columns().indexOf("PARENT_ID_");
    Map<String, Object[]> byId = new HashMap<>();
    executions.values().forEach(r -> byId.put((String) r[id], r));
    List<Object[]> sorted = new ArrayList<>(executions.values());
    sorted.sort(Comparator.comparingInt(r -> depth(r, byId, id, parent)));
    return new TemplateRows(executions.table(), executions.columns(), sorted);
  }

  private static int depth(Object[] row, Map<String, Object[]> byId, int id, int parent) {
    int depth = 0;
    for (Object[] r = row; r[parent] != null && byId.containsKey((String) r[parent]); r = byId.get((String) r[parent])) {
      depth++;
    }
    return depth;
  }

  String templateInstance() {
    return templateInstance;
  }

  /** Deletes every copy and the template's instance. */
  void remove() throws SQLException {
    removeCopies();
    if (templateInstance != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(templateInstance).count() > 0) {
      engine.getRuntimeService().deleteProcessInstance(templateInstance, "benchmark seed removed", true, true);
    }
  }

  /** Deletes every copy (the template stays, so that {@link #seed} can add copies again); returns how many there were. */
  int removeCopies() throws SQLException {
    if (template == null) {
      return 0;
    }
    int removed = copies;
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : new String[] {"ACT_RU_AUTHORIZATION", "ACT_RU_IDENTITYLINK", "ACT_RU_TASK"}) {
        s.executeUpdate("delete from " + table + " where ID_ like '" + PREFIX + "%'");
      }
      // children before parents: the template's executions are parents first, so its copies go in
      // the reverse order, one template row at a time (a "not a parent" subquery, as first written,
      // ran for minutes on MariaDB at 100,000 copies)
      TemplateRows executions = template.get(0);
      int id = executions.columns().indexOf("ID_");
      for (int i = executions.values().size() - 1; i >= 0; i--) {
        s.executeUpdate("delete from ACT_RU_EXECUTION where ID_ like '" + PREFIX + "%-" + executions.values().get(i)[id] + "'");
      }
    }
    copies = 0;
    return removed;
  }

  private void insert(Connection c, TemplateRows rows, int from, int to) throws SQLException {
    String sql =
        "insert into " + rows.table() + " (" + String.join(", ", rows.columns()) + ") values ("
            + String.join(", ", rows.columns().stream().map(x -> "?").toList()) + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (int i = from; i < to; i++) {
        String prefix = PREFIX + i + "-";
        for (Object[] row : rows.values()) {
          for (int k = 0; k < row.length; k++) {
            Object v = row[k];
            if (v instanceof String s && ids.contains(s)) {
              v = prefix + s;
            }
            ps.setObject(k + 1, v);
          }
          ps.addBatch();
          if (++pending % BATCH == 0) {
            ps.executeBatch();
          }
        }
      }
      ps.executeBatch();
    }
  }
}
