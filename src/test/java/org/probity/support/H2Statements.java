package org.probity.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2's statement statistics, for tests that count how often the engine asks a given question (a
 * test switches them on and off around the work it counts).
 */
public final class H2Statements {

  private H2Statements() {}

  /**
   * Switches the statistics on, empty, or off (which empties them). H2 keeps 100 statements by
   * default and drops the least recently used beyond: a count could fall and a "none" pass
   * wrongly, so it keeps up to 1,000 here.
   */
  public static void record(JdbcTemplate jdbc, boolean on) {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    if (on) {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }
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
