package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probity.support.BenchDatabase;
import org.probity.support.H2Statements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statements one intake sends to the database, per door (bare engine, Probity with Basic,
 * Probity with a session): README "Performance", statements per intake. On MariaDB/MySQL from the
 * server's general log (the account needs the right to switch it on; it is switched off again); on
 * H2 from its query statistics, with the time H2 spent in each statement (H2 runs in the JVM, so
 * that time is CPU the doors share). {@code -Dbench.statementIntakes} (20) intakes per door after
 * {@code -Dbench.statementWarmup} (30) per door.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
class IntakeStatementsBenchmark {

  static final int INTAKES = Integer.getInteger("bench.statementIntakes", 20);
  static final int WARMUP = Integer.getInteger("bench.statementWarmup", 30);

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void statementsPerIntake() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (LoadHarness h = new LoadHarness(context, port)) {
      h.createUsers(1);
      h.intakeBare(1, WARMUP);
      h.intakeProbity("basic", 1, WARMUP);
      h.intakeProbity("session", 1, WARMUP);
      for (String door : List.of("bare", "basic", "session")) {
        if (!BenchDatabase.onMySql()) {
          h2Statements(jdbc, h, door);
          continue;
        }
        jdbc.execute("set global log_output = 'TABLE'");
        jdbc.execute("truncate table mysql.general_log");
        jdbc.execute("set global general_log = 1");
        try {
          LoadHarness.Result r = "bare".equals(door) ? h.intakeBare(1, INTAKES) : h.intakeProbity(door, 1, INTAKES);
          assertThat(r.errors()).isZero();
        } finally {
          jdbc.execute("set global general_log = 0");
        }
        // literals and ids replaced, blanks folded: one line per statement shape
        List<Map<String, Object>> shapes =
            jdbc.queryForList(
                "select left(regexp_replace(regexp_replace(convert(argument using utf8mb4), '[0-9a-f-]{36}|''[^'']*''|[0-9]+', '?'),"
                    + " '[[:space:]]+', ' '), 110) as shape, count(*) as n from mysql.general_log"
                    + " where command_type not in ('Connect', 'Quit') and convert(argument using utf8mb4) not like '%general_log%'"
                    + " group by shape order by n desc, shape");
        long total = shapes.stream().mapToLong(row -> ((Number) row.get("n")).longValue()).sum();
        StringBuilder report = new StringBuilder(String.format("%n%s: %.1f statements per intake%n", door, total / (double) INTAKES));
        shapes.forEach(row -> report.append(String.format("%6.2f  %s%n", ((Number) row.get("n")).doubleValue() / INTAKES, row.get("shape"))));
        System.out.println(report);
        assertThat(total).as(door).isGreaterThan(0);
      }
    }
  }

  /** H2: each statement's count and the time H2 spent in it, per intake, costliest first. */
  private static void h2Statements(JdbcTemplate jdbc, LoadHarness h, String door) throws Exception {
    H2Statements.record(jdbc, true);
    List<Map<String, Object>> rows;
    try {
      LoadHarness.Result r = "bare".equals(door) ? h.intakeBare(1, INTAKES) : h.intakeProbity(door, 1, INTAKES);
      assertThat(r.errors()).isZero();
      // read before switching off, which empties the table
      rows =
          jdbc.queryForList(
              "select sql_statement, execution_count, cumulative_execution_time from information_schema.query_statistics"
                  + " where lower(sql_statement) not like '%query_statistics%' order by cumulative_execution_time desc");
    } finally {
      H2Statements.record(jdbc, false);
    }
    long count = rows.stream().mapToLong(row -> ((Number) row.get("execution_count")).longValue()).sum();
    double millis = rows.stream().mapToDouble(row -> ((Number) row.get("cumulative_execution_time")).doubleValue()).sum();
    StringBuilder report =
        new StringBuilder(String.format("%n%s: %.1f statements, %.2f ms in H2 per intake (count, ms per intake)%n", door, count / (double) INTAKES, millis / INTAKES));
    for (Map<String, Object> row : rows) {
      String sql = String.valueOf(row.get("sql_statement")).replaceAll("\\s+", " ");
      report.append(String.format("%6.2f %7.3f  %s%n", ((Number) row.get("execution_count")).doubleValue() / INTAKES,
          ((Number) row.get("cumulative_execution_time")).doubleValue() / INTAKES, sql.substring(0, Math.min(160, sql.length()))));
    }
    System.out.println(report);
    assertThat(count).as(door).isGreaterThan(0);
  }
}
