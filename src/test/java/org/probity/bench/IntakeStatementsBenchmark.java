package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probity.support.BenchDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statements one intake sends to MariaDB/MySQL, per door (bare engine, Probity with Basic,
 * Probity with a session), from the server's general log: README "Performance", statements per
 * intake. MariaDB/MySQL only (the account needs the right to switch the general log on, which it
 * switches off again); {@code -Dbench.statementIntakes} (20) intakes per door after 30 of warm-up.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
class IntakeStatementsBenchmark {

  static final int INTAKES = Integer.getInteger("bench.statementIntakes", 20);

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void statementsPerIntake() throws Exception {
    assumeTrue(BenchDatabase.onMySql(), "the general log is MariaDB's/MySQL's");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (LoadHarness h = new LoadHarness(context, port)) {
      h.createUsers(1);
      h.intakeBare(1, 30);
      h.intakeProbity("basic", 1, 30);
      h.intakeProbity("session", 1, 30);
      for (String door : List.of("bare", "basic", "session")) {
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
}
