package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent first intakes of a year on MySQL/MariaDB: each takes a number inside a transaction
 * that stays open a while (as the engine's does); none deadlocks, the numbers are 1..n.
 */
@MySqlTest
class ComplaintReferenceMySqlTest {

  @Autowired ComplaintStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void concurrentFirstIntakesOfAYearGetDistinctNumbersWithoutDeadlock() throws Exception {
    int year = 2900 + (int) (System.nanoTime() % 90);
    jdbc.update("delete from complaint_reference_counter where counter_year = ?", year);
    int threads = 6;
    List<Integer> numbers = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    try {
      for (int t = 0; t < threads; t++) {
        Thread thread =
            new Thread(() -> {
              try {
                start.await();
                tx.executeWithoutResult(status -> {
                  numbers.add(store.nextNumber(year));
                  try {
                    Thread.sleep(200); // the rest of a long intake transaction
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              } catch (Throwable e) {
                failures.add(e);
              }
            });
        all.add(thread);
        thread.start();
      }
      start.countDown();
      for (Thread thread : all) {
        thread.join(30_000);
      }
      assertThat(failures).isEmpty();
      Set<Integer> expected = new TreeSet<>();
      for (int i = 1; i <= threads; i++) {
        expected.add(i);
      }
      assertThat(new TreeSet<>(numbers)).isEqualTo(expected);
      assertThat(numbers).hasSize(threads);
    } finally {
      jdbc.update("delete from complaint_reference_counter where counter_year = ?", year);
    }
  }
}
