package org.probity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyKey;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.probity.support.HttpSession;
import org.probity.support.MySqlTest;
import org.probity.support.SchemaAssertions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application on a real MySQL-compatible server through MySQL Connector/J. */
@MySqlTest
class MySqlFoundationTest {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void runsOnMySqlConnectorJWithReadCommitted() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDriverName()).contains("MySQL Connector/J");
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @Test
  void connectorJKeepsParsedStatementsAndTracksSessionStateItself() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      var properties = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getPropertySet();
      for (var key : List.of(PropertyKey.cachePrepStmts, PropertyKey.useLocalSessionState, PropertyKey.cacheServerConfiguration)) {
        assertThat(properties.getBooleanProperty(key).getValue()).as(key.getKeyName()).isTrue();
      }
      assertThat(properties.getIntegerProperty(PropertyKey.prepStmtCacheSqlLimit).getValue()).isGreaterThanOrEqualTo(8192);
      // the session still answers what the pool asked for
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(serverIsolation()).isEqualTo("READ-COMMITTED");
    }
  }

  /** The session's isolation as the server reports it (MySQL 8 names it transaction_isolation, MariaDB 10 tx_isolation). */
  private String serverIsolation() {
    try {
      return jdbc.queryForObject("select @@session.transaction_isolation", String.class);
    } catch (org.springframework.dao.DataAccessException unknownToMariaDb10) {
      return jdbc.queryForObject("select @@session.tx_isolation", String.class);
    }
  }

  @Test
  void camundasSchemaComesFromLiquibaseAndProbitysFromFlyway() {
    SchemaAssertions.assertSchemas(jdbc, flyway);
    Integer baseline =
        jdbc.queryForObject("select count(*) from DATABASECHANGELOG where ID = '7.16.0-baseline'", Integer.class);
    assertThat(baseline).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG where ID = '7.23-to-7.24'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void probitysTablesAreUtf8mb4() {
    assertThat(
            jdbc.queryForList(
                "select table_collation from information_schema.tables where table_schema = database() "
                    + "and table_name in ('app_user', 'app_user_role')",
                String.class))
        .hasSize(2)
        .allSatisfy(collation -> assertThat(collation).startsWith("utf8mb4"));
  }

  @Test
  void theOneLoginGuardsEngineRestOnMySql() {
    assertThat(HttpSession.anonymous(port).get("/engine-rest/task").statusCode()).isEqualTo(401);
    HttpSession admin =
        HttpSession.basic(port, System.getenv("PROBITY_ADMIN_USERNAME"), System.getenv("PROBITY_ADMIN_PASSWORD"));
    assertThat(admin.get("/engine-rest/group?member=" + System.getenv("PROBITY_ADMIN_USERNAME")).body())
        .contains("process-admins");
    assertThat(HttpSession.basic(port, "admin", "demo").get("/engine-rest/task").statusCode()).isEqualTo(401);
  }

  @Test
  void aProcessRunsToTheEndOnMySql() {
    String deployment =
        repositoryService.createDeployment().name("routing-probe").addClasspathResource("bpmn/routing-probe.bpmn").deploy().getId();
    try {
      String instance = runtimeService.startProcessInstanceByKey("routing-probe", "ÉTUDE-ĳ-测试").getId();
      taskService.createTaskQuery().processInstanceId(instance).list().forEach(t -> taskService.complete(t.getId()));
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
      assertThat(jdbc.queryForObject("select BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ = ?", String.class, instance))
          .isEqualTo("ÉTUDE-ĳ-测试");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }
}
