package org.probity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every database Probity runs on must hold after start-up. */
public final class SchemaAssertions {

  private SchemaAssertions() {}

  public static void assertSchemas(JdbcTemplate jdbc, Flyway flyway) {
    List<String> tables =
        jdbc.queryForList("select table_name from information_schema.tables", String.class).stream()
            .map(t -> t.toUpperCase(Locale.ROOT))
            .toList();
    // Camunda's runtime, history, decision and identity tables
    assertThat(tables).contains("ACT_GE_PROPERTY", "ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_RE_DECISION_DEF", "ACT_RU_AUTHORIZATION");
    // Probity's own, through Flyway
    assertThat(tables).contains("APP_USER", "APP_USER_ROLE", "FLYWAY_SCHEMA_HISTORY");
    assertThat(jdbc.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class))
        .anySatisfy(version -> assertThat(version).startsWith("7.24"));
    assertThat(flyway.info().applied()).isNotEmpty().noneMatch(m -> m.getState().isFailed());
    assertThat(flyway.info().pending()).isEmpty();
  }
}
