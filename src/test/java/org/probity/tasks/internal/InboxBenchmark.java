package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ui.ExtendedModelMap;

/**
 * The inbox benchmark (issue 7 "Speed", issue 10 item 3): seeds open tasks and finished instances
 * into its own database, then times the /inbox page's server side (the controller method: the
 * first page of 50 sorted by creation, counts per process, startable processes) for a member of
 * the group that holds {@code bench.groupTasks} of the tasks, beside stock Camunda's group task
 * query. H2 file under target/bench by default; MariaDB/MySQL when SPRING_DATASOURCE_URL is set.
 * Run: {@code ./mvnw test -Pbench -Dtest=InboxBenchmark} (see README "Performance").
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles(resolver = InboxBenchmark.Profiles.class)
class InboxBenchmark {

  static final int OPEN = Integer.getInteger("bench.openTasks", 100_000);
  static final int GROUP_TASKS = Integer.getInteger("bench.groupTasks", 10_000);
  static final int FINISHED = Integer.getInteger("bench.finished", 1_000_000);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int ITERATIONS = Integer.getInteger("bench.iterations", 200);
  /** Stock Camunda's query can take seconds per call on H2 at this size: fewer rounds if asked. */
  static final int STOCK_ITERATIONS = Integer.getInteger("bench.stockIterations", ITERATIONS);

  static boolean onMySql() {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    return url != null && !url.isBlank();
  }

  static class Profiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
      return onMySql() ? new String[] {"mysql", "mysqltest"} : new String[] {"test"};
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (!onMySql()) {
      // a fresh file database for every run
      for (File f : new File("target/bench").listFiles() == null ? new File[0] : new File("target/bench").listFiles()) {
        if (f.getName().startsWith("inbox")) {
          f.delete();
        }
      }
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/bench/inbox");
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired InboxPages pages;
  @Autowired ActingUser acting;

  @Test
  void inboxServerTime() throws Exception {
    InboxSeed seed = new InboxSeed(engine, dataSource);
    ProcessInstance template = seed.template();
    long t0 = System.nanoTime();
    seed.seed(template, OPEN, GROUP_TASKS, FINISHED);
    System.out.printf("seeded %,d open tasks (%,d for %s) and %,d finished instances in %.1f s%n",
        OPEN, GROUP_TASKS, InboxSeed.GROUP, FINISHED, (System.nanoTime() - t0) / 1e9);
    analyze();

    Authentication investigator = investigator();
    ExtendedModelMap model = new ExtendedModelMap();
    Supplier<Object> probity = () -> pages.inbox(investigator, null, null, null, null, null, "0", model);
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

    probity.get();
    Inbox inbox = (Inbox) model.get("inbox");
    assertThat(inbox.rows()).hasSize(InboxService.PAGE_SIZE);
    assertThat(inbox.total()).isGreaterThanOrEqualTo(GROUP_TASKS);

    String db = onMySql() ? "MySQL/MariaDB" : "H2";
    long[] probityTimes = time(probity, WARMUP, ITERATIONS);
    report("Probity /inbox server time", probityTimes);
    long[] stockTimes = time(stock, Math.min(WARMUP, STOCK_ITERATIONS), STOCK_ITERATIONS);
    System.out.printf("%nINBOX BENCHMARK (%s, %,d open tasks, %,d for %s, %,d finished; %d iterations after %d warm-ups)%n",
        db, OPEN, GROUP_TASKS, InboxSeed.GROUP, FINISHED, ITERATIONS, WARMUP);
    report("stock Camunda group task query (page of 50 + count)", stockTimes);
    report("Probity /inbox server time", probityTimes);
  }

  private void analyze() throws Exception {
    if (onMySql()) {
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

  static long[] time(Supplier<Object> work, int warmup, int iterations) {
    for (int i = 0; i < warmup; i++) {
      work.get();
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      work.get();
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    return nanos;
  }

  static void report(String what, long[] sorted) {
    System.out.printf("  %-55s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n", what, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
  }

  static double pct(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
