package org.probity.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2's statement statistics, for tests that count how often the engine asks a given question (a
 * test switches them on and off around the work it counts).
 */
public final class H2Statements {

  private H2Statements() {}

  public static void record(JdbcTemplate jdbc, boolean on) {
    jdbc.execute(on ? "SET QUERY_STATISTICS TRUE" : "SET QUERY_STATISTICS FALSE");
  }

  /** Executions so far of the statements whose text is like {@code pattern} (SQL LIKE). */
  public static long count(JdbcTemplate jdbc, String pattern) {
    Long count =
        jdbc.queryForObject(
            "select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS where SQL_STATEMENT like ?",
            Long.class, pattern);
    return count == null ? 0 : count;
  }
}
