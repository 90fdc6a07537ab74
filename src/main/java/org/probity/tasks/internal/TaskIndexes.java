package org.probity.tasks.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that Camunda 7.24 lacks. They cannot be Flyway migrations:
 * Flyway runs before the engine creates its schema (on H2 the engine creates it at start, on MySQL
 * Liquibase does), so they are created here, once the engine is built, when missing. The same
 * statement works on H2 and MySQL/MariaDB.
 *
 * <p>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: every task completion looks up sub-tasks by parent; with
 * 100,000 open tasks and no index, completions on MariaDB fell from 89.8/s to 10.6/s (measured,
 * see DESIGN.md).
 *
 * <p>The inbox ({@link InboxQuery}, measured by InboxBenchmark, README "Performance → Inbox"):
 * {@code ACT_RU_IDENTITYLINK(GROUP_ID_, TYPE_, TASK_ID_)} gives a group's candidate tasks from
 * the index alone (Camunda's index on GROUP_ID_ needs a table read per link);
 * {@code ACT_RU_AUTHORIZATION(RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_, PERMS_)}
 * answers "does this user hold READ on this task" with one index lookup (Camunda's index on
 * RESOURCE_ID_ needs a table read per authorization);
 * {@code ACT_RU_TASK(CREATE_TIME_, ID_, SUSPENSION_STATE_, ASSIGNEE_, PROC_DEF_ID_)} lets the inbox's
 * walk along creation time (MariaDB/MySQL) find a page's task ids without reading the task rows it
 * passes over; the id second keeps the index in the page's (creation time, id) order.
 *
 * <p>{@code ACT_RE_CAMFORMDEF(KEY_, VERSION_)}: every submission reads the latest version of its
 * form by key (the form check of each start and completion; the task page reads it again), and
 * without an index each read scanned every version of every deployed form (97 rows here, more with
 * each redeployment; measured with MariaDB's slow log).
 */
@Component
class TaskIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskIndexes.class);

  record Index(String name, String table, String... columns) {}

  /** The open tasks in creation order with what the inbox filters on: a walk reads ids from it alone. */
  static final String TASK_QUEUE = "PRB_IDX_TASK_QUEUE";

  static final Index[] INDEXES = {
    new Index("PRB_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
    new Index("PRB_IDX_IDLINK_GROUP", "ACT_RU_IDENTITYLINK", "GROUP_ID_", "TYPE_", "TASK_ID_"),
    new Index("PRB_IDX_AUTH_RESOURCE", "ACT_RU_AUTHORIZATION", "RESOURCE_ID_", "RESOURCE_TYPE_", "TYPE_", "GROUP_ID_", "USER_ID_", "PERMS_"),
    new Index(TASK_QUEUE, "ACT_RU_TASK", "CREATE_TIME_", "ID_", "SUSPENSION_STATE_", "ASSIGNEE_", "PROC_DEF_ID_"),
    new Index("PRB_IDX_CAMFORMDEF_KEY", "ACT_RE_CAMFORMDEF", "KEY_", "VERSION_")
  };

  private final DataSource dataSource;

  TaskIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = dataSource.getConnection()) {
      for (Index index : INDEXES) {
        if (!hasIndexOn(connection, index)) {
          try (Statement statement = connection.createStatement()) {
            String columns = String.join(", ", index.columns());
            statement.execute("create index " + index.name() + " on " + index.table() + " (" + columns + ")");
            LOG.info("Created index {} on {}({})", index.name(), index.table(), columns);
          }
        }
      }
    } catch (SQLException e) {
      // a missing index costs speed, not correctness: start anyway, loudly
      LOG.warn("Could not create Camunda indexes: {}", e.getMessage());
    }
  }

  /** Whether some index (of any name) already starts with the index's columns, in that order. */
  static boolean hasIndexOn(Connection connection, Index index) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> wanted = List.of(index.columns());
    for (String table : new String[] {index.table(), index.table().toLowerCase()}) {
      Map<String, Map<Short, String>> indexes = new TreeMap<>();
      try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, true)) {
        while (rs.next()) {
          String name = rs.getString("INDEX_NAME");
          String column = rs.getString("COLUMN_NAME");
          if (name != null && column != null) {
            indexes.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column.toUpperCase());
          }
        }
      }
      for (Map<Short, String> columns : indexes.values()) {
        List<String> ordered = new ArrayList<>(columns.values());
        if (ordered.size() >= wanted.size() && ordered.subList(0, wanted.size()).equals(wanted)) {
          return true;
        }
      }
    }
    return false;
  }
}
