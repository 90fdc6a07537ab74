package org.probity.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * On H2 the benchmarks' "database server CPU" is the CPU of H2's background writers (H2 runs in
 * the JVM), and the wait for a quiet database watches them: without it the runs after a seed of
 * 100,000 tasks shared the two cores with H2 writing and compacting the seed.
 */
class BenchDatabaseTest {

  @Test
  void onH2TheDatabasesCpuIsItsBackgroundWritersAndTheWaitWatchesThem() throws Exception {
    assumeFalse(BenchDatabase.onMySql(), "the H2 suite");
    BenchDatabase.deleteH2Files("target/bench-database-test", "");
    double before = BenchDatabase.databaseServerCpuSeconds();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:./target/bench-database-test/writer", "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table seed (id int primary key, payload varchar(200))");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("insert into seed values (?, ?)")) {
        for (int i = 0; i < 200_000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "row " + i + " of a seed large enough that H2 writes chunks of it to its file");
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
            c.commit();
          }
        }
      }
      // the writer works on while the connection is open (its CPU is gone once the store closes)
      double waited = BenchDatabase.awaitQuietDatabaseServer(30);
      assertThat(BenchDatabase.databaseServerCpuSeconds()).as("CPU of H2's background writers").isGreaterThan(before);
      assertThat(waited).as("seconds waited for two quiet seconds").isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void theWaitEndsAfterItsQuietStepsAndNoLaterThanItsLimit() throws Exception {
    double quiet = BenchDatabase.awaitQuiet(() -> 7.0, 0.01, 50, 3, 5);
    assertThat(quiet).as("a still total: three quiet steps of 50 ms").isBetween(0.15, 2.0);

    double[] total = {0};
    double busy = BenchDatabase.awaitQuiet(() -> total[0] += 1, 0.01, 50, 3, 1);
    assertThat(busy).as("a total that grows at every look: until the limit of 1 s").isBetween(1.0, 3.0);
  }
}
