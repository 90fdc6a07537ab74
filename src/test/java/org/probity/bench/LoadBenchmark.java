package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probity.bench.LoadHarness.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.probity.support.BenchDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10 items 1, 2 and 5, in one run on one database: complaint intake, triage completion at
 * 1,000 and at 100,000 open tasks, and 50 concurrent users for 60 seconds, through Probity's HTTP
 * doors (the whole server on a random port), beside a stock engine in the same JVM on the same
 * database and the database's durable-commit floor. Prints the tables of README "Performance".
 * H2 file under target/bench-load by default; MariaDB/MySQL when SPRING_DATASOURCE_URL is set.
 * {@code ./mvnw test -Pbench -Dbench.heap=2g -Dtest=LoadBenchmark}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = BenchDatabase.Profiles.class)
class LoadBenchmark {

  static final int OPS = Integer.getInteger("bench.ops", 200);
  static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  /** Intake: the bare engine and Probity's two doors take turns, this many times (1: one block each). */
  static final int ROUNDS = Math.max(1, Integer.getInteger("bench.rounds", 6));
  static final int SMALL = Integer.getInteger("bench.openTasksSmall", 1_000);
  static final int LARGE = Integer.getInteger("bench.openTasks", 100_000);
  static final int USERS = Integer.getInteger("bench.users", 50);
  static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  static final int[] THREADS = {1, 4};
  /** Completion: pairs of runs at the two sizes (each pair one at 1,000 and one at 100,000 open tasks). */
  static final int COMPLETION_PAIRS = Math.max(1, Integer.getInteger("bench.completionPairs", 4));
  /** Completion: completions through each door, not measured, at the start of each phase (after its seed or removal). */
  static final int REWARM = Integer.getInteger("bench.rewarm", 100);
  /** Completion's doors: the bare engine, Probity's task page and Camunda's REST API behind Probity's security. */
  static final String[] DOORS = {"bare", "page", "engine-rest"};
  /** Which parts run: intake, completion, concurrency (all by default). */
  static final String PARTS = System.getProperty("bench.parts", "intake,completion,concurrency");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (!BenchDatabase.onMySql()) {
      BenchDatabase.deleteH2Files("target/bench-load", "");
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/bench-load/load");
      // no mail server in a benchmark
      registry.add("spring.mail.host", () -> "");
    }
    // one connection per client thread and a few for the engine
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "60");
  }

  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  private final List<String> lines = new ArrayList<>();

  @Test
  void intakeCompletionAndConcurrency() throws Exception {
    try (LoadHarness h = new LoadHarness(context, port)) {
      String db = BenchDatabase.onMySql() ? "MariaDB/MySQL" : "H2 (file)";
      print("Load benchmark on %s, %d cores, Java %s, max heap %d MiB, load before: %s", db, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, BenchDatabase.loadAverage());
      print("Probity's engine: %s", h.probityEngineSettings());
      h.createUsers(USERS);
      Set<String> none = Set.of();
      print("password check per request: %s", h.passwordCheckCost());

      // warm-up of every path (not measured)
      h.floor(2, WARMUP * 5);
      h.intakeBare(2, WARMUP);
      h.intakeProbity("basic", 2, WARMUP);
      h.intakeProbity("session", 2, WARMUP);
      // completion's paths only when completion or concurrency is measured
      for (String door : PARTS.matches(".*(completion|concurrency).*") ? DOORS : new String[0]) {
        List<String> tasks = h.openTriageTasks(WARMUP, 2);
        complete(h, door, 2, tasks);
        h.endCases(tasks);
      }
      h.endComplaintsExcept(none);

      // 1. floor and intake
      if (PARTS.contains("intake")) {
      print("");
      print("| intake | threads | per second | p50 ms | p95 ms | ratio to bare engine | JVM CPU ms/op | JIT compile ms/op | GC ms/op | DB server CPU ms/op | DB page reads/op |");
      print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      List<String> compilerWaits = new ArrayList<>();
      for (int threads : THREADS) {
        Result floor = h.floor(threads, OPS * 10);
        // the three in turns, OPS / ROUNDS at a time, so that a drift of the machine or the
        // database during the run touches all three alike (one block each swung by 10 to 25 %)
        Result bare = null;
        Result basic = null;
        Result session = null;
        // each door's clients kept for all its rounds, as an official keeps a session (until
        // 2026-12-07 the session door logged in anew each round, and the compiler's work on that
        // login and inbox page ran during the measured rounds); then the compiler left to finish
        LoadHarness.Client[] basicClients = h.intakeClients("basic", threads);
        LoadHarness.Client[] sessionClients = h.intakeClients("session", threads);
        try {
          compilerWaits.add(String.format("%d thread(s) %.1f s", threads, LoadHarness.awaitQuietCompiler(10)));
          int rounds = Math.min(ROUNDS, OPS); // no round without an operation
          for (int round = 0; round < rounds; round++) {
            int ops = OPS / rounds + (round < OPS % rounds ? 1 : 0);
            // and each takes each place in turn: whichever ran right after the bare engine was
            // 5 to 10 % slower, round after round (its garbage, presumably)
            for (int turn = 0; turn < 3; turn++) {
              switch ((round + turn) % 3) {
                case 0 -> bare = joined(bare, h.intakeBare(threads, ops));
                case 1 -> basic = joined(basic, h.intakeProbity("basic", basicClients, ops));
                default -> session = joined(session, h.intakeProbity("session", sessionClients, ops));
              }
            }
          }
        } finally {
          LoadHarness.closeAll(basicClients);
          LoadHarness.closeAll(sessionClients);
        }
        row("database floor (one-row commit)", floor, bare);
        row("bare engine (Java API)", bare, bare);
        row("Probity POST /api/complaints, Basic", basic, bare);
        row("Probity POST /api/complaints, session", session, bare);
        assertThat(List.of(floor, bare, basic, session)).allMatch(r -> r.errors() == 0);
      }
      print("open tasks during intake: %,d; load: %s; wait for a quiet compiler after the clients' logins: %s", h.openTasks(),
          BenchDatabase.loadAverage(), String.join(", ", compilerWaits));
      h.endComplaintsExcept(none);
      }

      // 2. completion at 1,000 and at 100,000 open tasks, the two sizes in turns (1,000, 100,000,
      // 100,000, 1,000, 1,000, ...: each pair of neighbours compares the sizes, and a drift of the
      // machine during the run touches both sizes alike). One block each had put the 1,000 first,
      // right after the warm-up, and its ratio swung from 0.83 to 1.46 run to run, the bare
      // engine's too.
      int pool = OPS;
      // each phase's results by door and threads ("page|4"), in the order the phases ran
      List<Map<String, Result>> phases = new ArrayList<>();
      for (int phase = 0; PARTS.contains("completion") && phase < 2 * COMPLETION_PAIRS; phase++) {
        int open = openTasksInPhase(phase);
        int removed = h.openTasks() > open ? h.removeSeededTasks() : 0;
        int seeded = h.seedOpenTasksUpTo(open - 2 * pool);
        // MariaDB goes on working after a bulk load or delete (purge, page flushing): waiting until
        // it is quiet keeps that work off the runs after it
        double quiet = removed + seeded > 0 ? BenchDatabase.awaitQuietDatabaseServer(120) : 0;
        // the seed or removal ran other code through the same JVM (H2's too): a few completions
        // through each door, not measured, let the compiler settle again before the measured runs
        for (String door : REWARM > 0 ? DOORS : new String[0]) {
          complete(h, door, 2, fresh(h, REWARM));
        }
        System.out.printf("completion phase %d: %,d open tasks (removed %,d, seeded %,d, waited %.0f s), load %s%n", phase + 1,
            h.openTasks() + 2L * pool, removed, seeded, quiet, BenchDatabase.loadAverage());
        Map<String, Result> results = new HashMap<>();
        for (int threads : THREADS) {
          for (int turn = 0; turn < DOORS.length; turn++) {
            // each door takes each place in turn, as in intake
            String door = DOORS[(phase + turn) % DOORS.length];
            List<String> tasks = fresh(h, pool);
            // and after the harness's own work (starting these complaints, ending the last run's)
            BenchDatabase.awaitQuietDatabaseServer(30);
            Result r = complete(h, door, threads, tasks);
            results.put(door + "|" + threads, r);
            System.out.printf("  %s, %d threads: %.1f/s, JVM CPU %.1f ms/op, JIT %.1f ms/op, GC %.1f ms/op, DB CPU %.1f ms/op, DB page reads %.0f/op%n",
                door, threads, r.perSecond(), r.jvmCpuMillisPerOperation(), r.compileMillisPerOperation(), r.gcMillisPerOperation(),
                r.databaseCpuMillisPerOperation(), r.databasePageReadsPerOperation());
          }
        }
        phases.add(results);
      }
      for (int open : phases.isEmpty() ? new int[0] : new int[] {SMALL, LARGE}) {
        print("");
        print("Completion of the triage task at %,d open tasks (%d runs of %d completions per row, fresh complaints of 2 tasks each"
                + " on top of the seed), load after: %s", open, COMPLETION_PAIRS, pool, BenchDatabase.loadAverage());
        print("| completion | threads | per second | p50 ms | p95 ms | ratio to bare engine | JVM CPU ms/op | JIT compile ms/op | GC ms/op | DB server CPU ms/op | DB page reads/op |");
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int threads : THREADS) {
          Result bare = pooled(phases, open, "bare|" + threads);
          row("bare engine taskService.complete", bare, bare);
          row("Probity task page POST /tasks/{id}, session", pooled(phases, open, "page|" + threads), bare);
          row("Probity POST /engine-rest/task/{id}/submit-form, Basic", pooled(phases, open, "engine-rest|" + threads), bare);
        }
      }
      if (!phases.isEmpty()) {
        print("");
        print("Completion rate at %,d open tasks over the rate at %,d (goal at least 0.9): all runs together, and each pair of neighbouring runs", LARGE, SMALL);
        print("| completion | threads | all runs | median of pairs | lowest pair | pairs | DB page reads/op (%,d, %,d) |", SMALL, LARGE);
        print("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        for (int threads : THREADS) {
          for (String door : DOORS) {
            String key = door + "|" + threads;
            // a pair is phases 2k and 2k + 1: one of each size
            List<Double> ratios = new ArrayList<>();
            for (int phase = 0; phase + 1 < phases.size(); phase += 2) {
              double first = phases.get(phase).get(key).perSecond();
              double second = phases.get(phase + 1).get(key).perSecond();
              ratios.add(openTasksInPhase(phase) == SMALL ? second / first : first / second);
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            Result small = pooled(phases, SMALL, key);
            Result large = pooled(phases, LARGE, key);
            print("| %s | %d | %.2f | %.2f | %.2f | %s | %.0f, %.0f |", door, threads, large.perSecond() / small.perSecond(), median, sorted.get(0),
                String.join(", ", ratios.stream().map(x -> String.format("%.2f", x)).toList()), small.databasePageReadsPerOperation(),
                large.databasePageReadsPerOperation());
          }
        }
      }
      // the concurrency part sizes its queue by the task page's rate at four threads
      double pageRate4 =
          phases.isEmpty() ? Double.parseDouble(System.getProperty("bench.expectedRate", "20")) : pooled(phases, LARGE, "page|4").perSecond();

      // 5. concurrency: 50 users, 60 s, on the large database
      if (PARTS.contains("concurrency")) {
      h.seedOpenTasksUpTo(LARGE);
      // enough open triage tasks for the whole time at the rate measured above (the run says when the queue ran dry)
      int needed = (int) Math.min(20_000, Math.max(500, pageRate4 * SECONDS * 1.1));
      List<String> tasks = h.openTriageTasks(needed, 4);
      LoadHarness.Concurrency c = h.concurrentUsers(USERS, SECONDS, tasks);
      print("");
      print("Concurrency: %d users (sessions), task page, %,d open tasks, %d s; load %s", USERS, h.openTasks(), SECONDS, BenchDatabase.loadAverage());
      print("| users | completed | per second | p50 ms | p95 ms | p99 ms | errors | lost or duplicated | queue ran dry |");
      print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
      print("| %d | %,d | %.1f | %.1f | %.1f | %.1f | %d | 0 (verified) | %s |", USERS, c.completed(), c.result().perSecond(),
          c.result().p50Millis(), c.result().p95Millis(), c.result().latency().getValueAtPercentile(99) / 1000.0, c.errors(), c.queueRanDry());
      assertThat(c.errors()).isZero();
      }
      print("load after: %s", BenchDatabase.loadAverage());
      System.out.println();
      System.out.println(String.join("\n", lines));
      h.dropFloor();
    }
  }

  /** Open tasks in a completion phase: 1,000, 100,000, 100,000, 1,000, 1,000, ... */
  private static int openTasksInPhase(int phase) {
    return (phase + 1) / 2 % 2 == 0 ? SMALL : LARGE;
  }

  /** The runs of one door and thread count at one size, as one. */
  private static Result pooled(List<Map<String, Result>> phases, int open, String key) {
    Result all = null;
    for (int phase = 0; phase < phases.size(); phase++) {
      if (openTasksInPhase(phase) == open) {
        all = joined(all, phases.get(phase).get(key));
      }
    }
    return all;
  }

  private static List<String> fresh(LoadHarness h, int count) throws Exception {
    return h.openTriageTasks(count, 2);
  }

  private static Result complete(LoadHarness h, String door, int threads, List<String> tasks) throws Exception {
    Result r = "bare".equals(door) ? h.completeBare(threads, tasks) : h.completeProbity(door, threads, tasks);
    h.endCases(tasks);
    assertThat(r.errors()).as(door).isZero();
    return r;
  }

  private static Result joined(Result sofar, Result next) {
    return sofar == null ? next : sofar.plus(next);
  }

  private void row(String what, Result r, Result bare) {
    print(
        "| %s | %d | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |", what, r.threads(), r.perSecond(), r.p50Millis(),
        r.p95Millis(), r.perSecond() / bare.perSecond(), r.jvmCpuMillisPerOperation(), r.compileMillisPerOperation(),
        r.gcMillisPerOperation(), r.databaseCpuMillisPerOperation(), r.databasePageReadsPerOperation());
  }

  private void print(String format, Object... args) {
    String line = String.format(format, args);
    lines.add(line);
    System.out.println(line);
  }

}
