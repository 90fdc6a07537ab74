package org.probity.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks' page counter reads the MariaDB/MySQL server the suite runs against (it only ever
 * runs in the benchmarks otherwise, which CI does not start).
 */
@MySqlTest
class MySqlBenchDatabaseTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void pageReadsCountTheServersWork() {
    assertThat(BenchDatabase.onMySql()).isTrue();
    long before = BenchDatabase.databasePageReads();
    assertThat(before).isPositive();
    // every row of a table, through the clustered index: at least one page read
    jdbc.queryForList("select * from ACT_RE_PROCDEF");
    assertThat(BenchDatabase.databasePageReads()).isGreaterThan(before);
  }
}
