package org.probity.identity;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.probity.support.SchemaAssertions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On H2, the engine creates Camunda's schema and Flyway creates Probity's. */
@ProbityTest
class SchemaTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;

  @Test
  void camundaAndProbitySchemasExist() {
    SchemaAssertions.assertSchemas(jdbc, flyway);
  }
}
