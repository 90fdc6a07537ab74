package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.probity.support.BenchDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.ExtendedModelMap;

/**
 * The inbox benchmark (issue 7 "Speed", issue 10 item 3): seeds open tasks and finished instances
 * into its own database, then times the /inbox page's server side (the controller method: the
 * first page of 50 sorted by creation, counts per process, startable processes) for a member of
 * the group that holds {@code bench.groupTasks} of the tasks, beside stock Camunda's group task
 * query, with 1 and 4 client threads ({@code bench.threads}). H2 file under target/bench by default; MariaDB/MySQL when SPRING_DATASOURCE_URL is set.
 * Run: {@code ./mvnw test -Pbench -Dtest=InboxBenchmark} (see README "Performance").
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
class InboxBenchmark {

  static final int OPEN = Integer.getInteger("bench.openTasks", 100_000);
  static final int GROUP_TASKS = Integer.getInteger("bench.groupTasks", 10_000);
  static final int FINISHED = Integer.getInteger("bench.finished", 1_000_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int ITERATIONS = Integer.getInteger("bench.iterations", 200);
  /** Stock Camunda's query can take seconds per call at this size: fewer rounds if asked (0: not run). */
  static final int STOCK_ITERATIONS = Integer.getInteger("bench.stockIterations", ITERATIONS);
  /** {@code -Dbench.seed=false}: measure the database a previous run seeded (same sizes), without seeding again. */
  static final boolean SEED = Boolean.parseBoolean(System.getProperty("bench.seed", "true"));

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (!BenchDatabase.onMySql()) {
      // a fresh file database for every run that seeds
      if (SEED) {
        BenchDatabase.deleteH2Files("target/bench", "inbox");
      }
      // H2's page cache (CACHE_SIZE, KiB; its default, 64 MiB, is far below the runtime tables'
      // working set next to 1,000,000 finished instances): -Dbench.h2CacheKb, default 1 GiB
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/bench/inbox;CACHE_SIZE=" + Integer.getInteger("bench.h2CacheKb", 1_048_576));
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired InboxPages pages;
  @Autowired ActingUser acting;

  @Test
  void inboxServerTime() throws Exception {
    if (SEED) {
      seed();
    }
    analyze();
    measure();
  }

  private void seed() throws Exception {
    InboxSeed seed = new InboxSeed(engine, dataSource);
    ProcessInstance template = seed.template();
    long t0 = System.nanoTime();
    seed.seed(template, OPEN, GROUP_TASKS, FINISHED);
    System.out.printf("seeded %,d open tasks (%,d for %s) and %,d finished instances in %.1f s%n",
        OPEN, GROUP_TASKS, InboxSeed.GROUP, FINISHED, (System.nanoTime() - t0) / 1e9);
  }

  private void measure() throws Exception {
    Authentication investigator = investigator();
    Supplier<Object> probity = () -> {
      ExtendedModelMap model = new ExtendedModelMap();
      pages.inbox(investigator, null, null, null, null, null, "0", null, null, model);
      return model;
    };
    TaskService tasks = engine.getTaskService();
    List<String> groups = ActingUser.groups(investigator);
    Supplier<Object> stock =
        () ->
            acting.call(
                investigator,
                () -> {
                  List<Task> page = tasks.createTaskQuery().taskCandidateGroupIn(groups).orderByTaskCreateTime().desc().listPage(0, 50);
                  long count = tasks.createTaskQuery().taskCandidateGroupIn(groups).count();
                  return page.size() + count;
                });

    Inbox inbox = (Inbox) ((ExtendedModelMap) probity.get()).get("inbox");
    assertThat(inbox.rows()).hasSize(InboxService.PAGE_SIZE);
    assertThat(inbox.total()).isGreaterThanOrEqualTo(Math.min(GROUP_TASKS, InboxService.COUNT_LIMIT));
    assertThat(inbox.countsAtLeast()).isEqualTo(GROUP_TASKS > InboxService.COUNT_LIMIT);

    String db = BenchDatabase.onMySql() ? "MySQL/MariaDB" : "H2";
    List<String> lines = new ArrayList<>();
    String loadBefore = BenchDatabase.loadAverage();
    for (int threads : THREADS) {
      long[] probityTimes = time(probity, threads, WARMUP, ITERATIONS);
      lines.add(line("Probity /inbox (page 1 + counts + startable)", threads, probityTimes));
      System.out.println(lines.get(lines.size() - 1));
      if (STOCK_ITERATIONS > 0) {
        long[] stockTimes = time(stock, threads, Math.min(WARMUP, STOCK_ITERATIONS), STOCK_ITERATIONS);
        lines.add(line("stock Camunda group query (page of 50 + count)", threads, stockTimes));
        System.out.println(lines.get(lines.size() - 1));
      }
    }
    System.out.printf("%nINBOX BENCHMARK (%s, %,d open tasks, %,d for %s, %,d finished; %d rounds per thread after %d warm-ups)%n",
        db, OPEN, GROUP_TASKS, InboxSeed.GROUP, FINISHED, ITERATIONS, WARMUP);
    System.out.printf("  load average before: %s, after: %s; %d cores%n", loadBefore, BenchDatabase.loadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.printf("  | %-48s | threads | p50 ms | p95 ms | p99 ms |%n", "server time");
    lines.forEach(System.out::println);
  }

  /** Client thread counts, e.g. {@code -Dbench.threads=1,4}. */
  static final int[] THREADS =
      java.util.Arrays.stream(System.getProperty("bench.threads", "1,4").split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();

  static String line(String what, int threads, long[] sorted) {
    return String.format("  | %-48s | %7d | %6.1f | %6.1f | %6.1f |", what, threads, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
  }

  private void analyze() throws Exception {
    if (BenchDatabase.onMySql()) {
      try (var c = dataSource.getConnection(); var s = c.createStatement()) {
        for (String table : new String[] {"ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_HI_TASKINST"}) {
          s.execute("analyze table " + table);
        }
      }
    } else {
      try (var c = dataSource.getConnection(); var s = c.createStatement()) {
        s.execute("analyze");
      }
    }
  }

  static Authentication investigator() {
    return new UsernamePasswordAuthenticationToken("investigator", null, List.of(new SimpleGrantedAuthority(InboxSeed.GROUP)));
  }

  /**
   * Each of {@code threads} client threads runs {@code warmup} unmeasured then {@code iterations}
   * measured calls, all at once; the sorted latencies of every measured call.
   */
  static long[] time(Supplier<Object> work, int threads, int warmup, int iterations) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < warmup; i++) {
                    work.get();
                  }
                  start.await();
                  long[] nanos = new long[iterations];
                  for (int i = 0; i < iterations; i++) {
                    long begin = System.nanoTime();
                    work.get();
                    nanos[i] = System.nanoTime() - begin;
                  }
                  return nanos;
                }));
      }
      long[] all = new long[threads * iterations];
      for (int t = 0; t < threads; t++) {
        System.arraycopy(results.get(t).get(), 0, all, t * iterations, iterations);
      }
      java.util.Arrays.sort(all);
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  static double pct(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
