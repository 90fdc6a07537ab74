package org.probity.bench;

import org.probity.complaint.internal.ComplaintFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.probity.audit.AuditAction;
import org.probity.support.BenchDatabase;
import org.probity.support.HttpSession;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The load driver of issue 10 items 1, 2 and 5: complaint intake, triage completion and 50
 * concurrent users, each through Probity's HTTP doors (the whole server on its port), through a
 * stock Camunda engine in the same JVM on the same database (the "bare engine"), and the
 * database's floor (durable one-row commits). Every measured operation is checked (status, the
 * rows it must leave) and every completion is verified against the database afterwards.
 */
final class LoadHarness implements AutoCloseable {

  static final String KEY = "complaint-handling";
  static final String TRIAGE = "UserTask_TriageComplaint";
  static final String PASSWORD = "bench-password-2026";
  static final String INTAKE_USER = "bench-intake";
  static final String USER_PREFIX = "bench-inv-";

  private final ApplicationContext context;
  private final ProcessEngine engine;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final int port;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> createdUsers = new HashSet<>();
  /** Started by the bare engine: its stock history keeps the pii* variables, removed with the smoke run's leftovers. */
  private final Set<String> bareInstances = Collections.synchronizedSet(new HashSet<>());
  private final AtomicLong floorIds = new AtomicLong(System.currentTimeMillis() * 1000);
  private ProcessEngine bare;
  private LoadSeed seed;

  LoadHarness(ApplicationContext context, int port) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.dataSource = context.getBean(DataSource.class);
    this.jdbc = new JdbcTemplate(dataSource);
    this.port = port;
  }

  /**
   * One measured run: operations done, wall time, latency in microseconds, and the CPU seconds the
   * JVM ({@code jvmCpu}) and the local database server ({@code databaseCpu}) used meanwhile.
   */
  record Result(
      String what, int threads, int operations, double seconds, Histogram latency, int errors, double jvmCpu, double databaseCpu,
      long compileMillis, long gcMillis, long databasePageReads) {
    double perSecond() {
      return operations / seconds;
    }

    /** Milliseconds of CPU per operation: the JVM's (client, server, engine, GC alike), the database server's. */
    double jvmCpuMillisPerOperation() {
      return operations == 0 ? 0 : jvmCpu * 1000 / operations;
    }

    double databaseCpuMillisPerOperation() {
      return operations == 0 ? 0 : databaseCpu * 1000 / operations;
    }

    /** Buffer-pool page reads of MariaDB/MySQL per operation (0 on H2). */
    double databasePageReadsPerOperation() {
      return operations == 0 ? 0 : databasePageReads / (double) operations;
    }

    /**
     * Milliseconds the JIT compiler spent per operation during the run: not yet steady state
     * where this is more than a fraction of the JVM's CPU.
     */
    double compileMillisPerOperation() {
      return operations == 0 ? 0 : compileMillis / (double) operations;
    }

    /**
     * Milliseconds the garbage collectors worked per operation during the run (their own count:
     * pauses and concurrent cycles): on H2 the database's pages live in the same heap.
     */
    double gcMillisPerOperation() {
      return operations == 0 ? 0 : gcMillis / (double) operations;
    }

    double p50Millis() {
      return latency.getValueAtPercentile(50) / 1000.0;
    }

    double p95Millis() {
      return latency.getValueAtPercentile(95) / 1000.0;
    }

    /** This run and a later one of the same thing, as one (operations and measured time added). */
    Result plus(Result later) {
      Histogram both = latency.copy();
      both.add(later.latency());
      return new Result(
          what, threads, operations + later.operations(), seconds + later.seconds(), both, errors + later.errors(),
          jvmCpu + later.jvmCpu(), databaseCpu + later.databaseCpu(), compileMillis + later.compileMillis(),
          gcMillis + later.gcMillis(), databasePageReads + later.databasePageReads());
    }
  }

  /** What one worker does per operation ({@code i}: the operation's number in the run); false: nothing was done. */
  interface Operation {
    boolean run(int worker, int i) throws Exception;
  }

  /** Runs {@code operations} operations over {@code threads} workers (each takes the next number). */
  static Result measure(String what, int threads, int operations, Operation op) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Histogram> histograms = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      Thread t =
          new Thread(
              () -> {
                Histogram h = new Histogram(3_600_000_000L, 3);
                histograms.add(h);
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  try {
                    if (op.run(worker, i)) {
                      h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                      done.incrementAndGet();
                    }
                  } catch (Throwable e) {
                    errors.incrementAndGet();
                    if (failures.size() < 5) {
                      failures.add(e);
                    }
                  }
                }
              },
              "bench-" + what + "-" + w);
      workers.add(t);
      t.start();
    }
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    long compile0 = compiler.getTotalCompilationTime();
    long gc0 = gcMillis();
    double jvmCpu0 = BenchDatabase.jvmCpuSeconds();
    double databaseCpu0 = BenchDatabase.databaseServerCpuSeconds();
    long pageReads0 = BenchDatabase.databasePageReads();
    long t0 = System.nanoTime();
    start.countDown();
    for (Thread t : workers) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double jvmCpu = BenchDatabase.jvmCpuSeconds() - jvmCpu0;
    double databaseCpu = BenchDatabase.databaseServerCpuSeconds() - databaseCpu0;
    long pageReads = BenchDatabase.databasePageReads() - pageReads0;
    Histogram all = new Histogram(3_600_000_000L, 3);
    histograms.forEach(all::add);
    failures.forEach(f -> System.out.println("  " + what + " failed: " + f));
    return new Result(
        what, threads, done.get(), seconds, all, errors.get(), jvmCpu, databaseCpu, compiler.getTotalCompilationTime() - compile0,
        gcMillis() - gc0, pageReads);
  }

  /**
   * Waits until the JIT compiler has been idle for a second, at most {@code maxSeconds}, and returns the seconds waited.
   * Code run just before a measured run (a login, a page) is compiled in the background while the run goes on: on two
   * cores that work lands in the run's figures, whichever door it came from (the session door's logins and inbox pages
   * before each intake round gave it 3 to 6 ms of JIT per intake however long the warm-up).
   */
  static double awaitQuietCompiler(int maxSeconds) throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    // idle: under 5 ms of compiling in each of four quarter seconds
    return BenchDatabase.awaitQuiet(() -> compiler.getTotalCompilationTime() / 1000.0, 0.005, 250, 4, maxSeconds);
  }

  /** Milliseconds all of the JVM's garbage collectors have worked so far. */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
  }

  // ---------------------------------------------------------------- accounts

  /** The intake officer and {@code investigators} investigators of the benchmark (bcrypt passwords). */
  void createUsers(int investigators) {
    PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
    String hash = encoder.encode(PASSWORD);
    createUser(INTAKE_USER, hash, "intake-officers");
    for (int i = 0; i < investigators; i++) {
      createUser(USER_PREFIX + i, hash, "investigators");
    }
  }

  private void createUser(String username, String hash, String role) {
    if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username) == 0) {
      jdbc.update(
          "insert into app_user (username, password_hash, display_name, unit, enabled, created_at) values (?, ?, ?, ?, true, current_timestamp)",
          username, hash, "Bench " + username, "Benchmark Unit");
      jdbc.update("insert into app_user_role (username, role_id) values (?, ?)", username, role);
    }
    createdUsers.add(username);
  }

  /** What HTTP Basic's password check costs: bcrypt itself, and the application's encoder once the password is remembered. */
  String passwordCheckCost() {
    PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
    PasswordEncoder bcrypt = org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
    String hash = bcrypt.encode(PASSWORD);
    int n = 20;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      check(bcrypt.matches(PASSWORD, hash), "bcrypt");
    }
    long t1 = System.nanoTime();
    check(encoder.matches(PASSWORD, hash), "encoder");
    long t2 = System.nanoTime();
    for (int i = 0; i < n * 100; i++) {
      check(encoder.matches(PASSWORD, hash), "encoder");
    }
    long t3 = System.nanoTime();
    return String.format("bcrypt %.1f ms, remembered %.1f µs", (t1 - t0) / 1e6 / n, (t3 - t2) / 1e3 / (n * 100));
  }

  // ---------------------------------------------------------------- the bare engine

  /**
   * A stock engine on the same database and transaction manager, in this JVM: Spring's engine
   * configuration with Camunda's defaults (history full, authorization off, no plugins: none of
   * Probity's form validation, audit, identity, task index or deployment plugins), the Spring Boot
   * starter's id generator, the job executor off. The process's own delegates and listeners
   * (Spring beans) are resolved as in Probity's engine: they are part of the process.
   */
  ProcessEngine bare() {
    if (bare == null) {
      ProcessEngineConfigurationImpl probity = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      SpringProcessEngineConfiguration c = new SpringProcessEngineConfiguration();
      c.setProcessEngineName("bench-bare-" + System.nanoTime());
      c.setDataSource(dataSource);
      c.setTransactionManager(context.getBean(PlatformTransactionManager.class));
      c.setDatabaseSchemaUpdate("false");
      c.setDatabaseType(probity.getDatabaseType());
      c.setHistory("full");
      c.setJobExecutorActivate(false);
      c.setDbMetricsReporterActivate(false);
      c.setIdGenerator(new StrongUuidGenerator());
      c.setApplicationContext(context);
      c.setExpressionManager(new SpringExpressionManager(context));
      c.setDeploymentResources(new Resource[0]);
      bare = c.buildProcessEngine();
    }
    return bare;
  }

  /** How Probity's engine is configured, for the report. */
  String probityEngineSettings() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return "history " + c.getHistoryLevel().getName() + " (" + c.getHistoryLevel().getClass().getSimpleName() + "), id generator "
        + c.getIdGenerator().getClass().getSimpleName() + ", authorization " + c.isAuthorizationEnabled() + ", job executor "
        + (c.getJobExecutor() != null && c.getJobExecutor().isActive()) + ", plugins "
        + c.getProcessEnginePlugins().stream().map(p -> p.getClass().getSimpleName()).toList();
  }

  // ---------------------------------------------------------------- floor

  /** Durable one-row commits: autocommit inserts into a scratch table, one connection per worker. */
  Result floor(int threads, int operations) throws Exception {
    jdbc.execute("create table if not exists bench_floor (id bigint not null primary key, payload varchar(100) not null)");
    Connection[] connections = new Connection[threads];
    PreparedStatement[] statements = new PreparedStatement[threads];
    try {
      for (int w = 0; w < threads; w++) {
        connections[w] = dataSource.getConnection();
        connections[w].setAutoCommit(true);
        statements[w] = connections[w].prepareStatement("insert into bench_floor (id, payload) values (?, ?)");
      }
      long before = jdbc.queryForObject("select count(*) from bench_floor", Long.class);
      Result r =
          measure("floor", threads, operations, (w, i) -> {
            statements[w].setLong(1, floorIds.incrementAndGet());
            statements[w].setString(2, "one durable row " + i);
            if (statements[w].executeUpdate() != 1) {
              throw new IllegalStateException("not inserted");
            }
            return true;
          });
      long after = jdbc.queryForObject("select count(*) from bench_floor", Long.class);
      check(after - before == r.operations(), "floor rows " + (after - before) + " for " + r.operations() + " commits");
      return r;
    } finally {
      for (int w = 0; w < threads; w++) {
        if (connections[w] != null) {
          connections[w].close();
        }
      }
    }
  }

  void dropFloor() {
    jdbc.execute("drop table if exists bench_floor");
  }

  // ---------------------------------------------------------------- intake

  /** The staff intake form's values: one low-severity threats allegation (routed to local resolution). */
  static Map<String, Object> intakeValues() {
    return ComplaintFixtures.intake("threats", "low");
  }

  /** Door "basic": POST /api/complaints with HTTP Basic; "session": the same with a logged-in session and its CSRF token. */
  Result intakeProbity(String door, int threads, int operations) throws Exception {
    Client[] clients = intakeClients(door, threads);
    try {
      return intakeProbity(door, clients, operations);
    } finally {
      closeAll(clients);
    }
  }

  /** The intake officer's clients of a door, one per client thread (a session logs in and opens the inbox for its CSRF token). */
  Client[] intakeClients(String door, int threads) {
    Client[] clients = new Client[threads];
    for (int w = 0; w < threads; w++) {
      clients[w] = client(door, INTAKE_USER);
    }
    return clients;
  }

  /** Intakes through clients made before ({@link #intakeClients}), one client thread each; the caller closes them. */
  Result intakeProbity(String door, Client[] clients, int operations) throws Exception {
    long before = count("select count(*) from complaint");
    Set<String> references = Collections.synchronizedSet(new HashSet<>());
    Result r =
        measure("intake-" + door, clients.length, operations, (w, i) -> {
          String body = json.writeValueAsString(intakeValues());
          KeepAliveConnection.Answer response = clients[w].post("/api/complaints", "application/json", body);
          check(response.status() == 201, "intake answered " + response.status() + " " + response.body());
          String reference = json.readTree(response.body()).path("reference").asText();
          check(references.add(reference), "reference issued twice: " + reference);
          return true;
        });
    check(count("select count(*) from complaint") - before == r.operations(), "complaints stored for " + r.operations() + " intakes");
    return r;
  }

  /** The same process started through the bare engine's Java API with the same variables. */
  Result intakeBare(int threads, int operations) throws Exception {
    ProcessEngine bare = bare();
    long before = count("select count(*) from complaint");
    Result r =
        measure("intake-bare", threads, operations, (w, i) -> {
          Map<String, Object> values = intakeValues();
          bareInstances.add(bare.getRuntimeService().startProcessInstanceByKey(KEY, values).getId());
          return true;
        });
    check(count("select count(*) from complaint") - before == r.operations(), "complaints stored for " + r.operations() + " starts");
    return r;
  }

  // ---------------------------------------------------------------- completion

  /** Open triage tasks of new complaints started through Probity's engine (Java API, real authorizations). */
  List<String> openTriageTasks(int count, int threads) throws Exception {
    List<String> processInstances = Collections.synchronizedList(new ArrayList<>());
    Result r =
        measure("pool", threads, count, (w, i) ->
            processInstances.add(engine.getRuntimeService().startProcessInstanceByKey(KEY, intakeValues()).getId()));
    check(r.errors() == 0, "pool starts failed");
    List<String> tasks = new ArrayList<>();
    for (List<String> chunk : chunks(processInstances, 500)) {
      for (Task t : engine.getTaskService().createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new)).taskDefinitionKey(TRIAGE).list()) {
        tasks.add(t.getId());
      }
    }
    check(tasks.size() == count, "triage tasks " + tasks.size() + " for " + count + " complaints");
    return tasks;
  }

  /** Ends the complaints behind these triage tasks (after a run, so that the open-task count stays put). */
  void endCases(List<String> triageTasks) {
    List<String> instances = new ArrayList<>();
    for (List<String> chunk : chunks(triageTasks, 500)) {
      instances.addAll(
          jdbc.queryForList(
              "select PROC_INST_ID_ from ACT_HI_TASKINST where ID_ in (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
              String.class, chunk.toArray()));
    }
    List<String> running = new ArrayList<>();
    for (List<String> chunk : chunks(instances, 500)) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk)).list().forEach(p -> running.add(p.getId()));
    }
    if (!running.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(running, "benchmark run finished", true, true);
    }
  }

  /** The triage form as the task page posts it: the recommended route kept. */
  static final String ROUTE = "local-resolution";

  /**
   * Door "page": the task page's POST /tasks/{id} with a logged-in session (what officials use);
   * "engine-rest": POST /engine-rest/task/{id}/submit-form with HTTP Basic (API clients, Tasklist's
   * route). Each worker is its own investigator.
   */
  Result completeProbity(String door, int threads, List<String> tasks) throws Exception {
    Client[] clients = new Client[threads];
    for (int w = 0; w < threads; w++) {
      clients[w] = client("page".equals(door) ? "session" : "basic", USER_PREFIX + w, "/tasks/" + tasks.get(0));
    }
    Map<String, String> completedBy = new java.util.concurrent.ConcurrentHashMap<>();
    long audited = auditEntries(AuditAction.TASK_COMPLETED);
    Result r;
    try {
      r =
        measure("complete-" + door, threads, tasks.size(), (w, i) -> {
          String task = tasks.get(i);
          KeepAliveConnection.Answer response;
          if ("page".equals(door)) {
            response = clients[w].post("/tasks/" + task, "application/x-www-form-urlencoded",
                "route=" + ROUTE + "&routeOverrideReason=&_csrf=" + clients[w].csrf);
            check(response.status() == 302 && response.location().endsWith("/inbox"),
                "task page answered " + response.status() + " " + response.location());
          } else {
            response = clients[w].post("/engine-rest/task/" + task + "/submit-form", "application/json",
                "{\"variables\":{\"route\":{\"value\":\"" + ROUTE + "\"}}}");
            check(response.status() == 204, "submit-form answered " + response.status() + " " + response.body());
          }
          completedBy.put(task, USER_PREFIX + w);
          return true;
        });
    } finally {
      closeAll(clients);
    }
    verifyCompletions(tasks, completedBy, "page".equals(door));
    check(auditEntries(AuditAction.TASK_COMPLETED) - audited == tasks.size(), "one TASK_COMPLETED audit entry per completion");
    return r;
  }

  /** The bare engine: {@code taskService.complete(id, {route})}, stock. */
  Result completeBare(int threads, List<String> tasks) throws Exception {
    ProcessEngine bare = bare();
    Map<String, String> completedBy = new java.util.concurrent.ConcurrentHashMap<>();
    long audited = auditEntries(AuditAction.TASK_COMPLETED);
    Result r =
        measure("complete-bare", threads, tasks.size(), (w, i) -> {
          bare.getTaskService().complete(tasks.get(i), Map.of("route", ROUTE));
          completedBy.put(tasks.get(i), "");
          return true;
        });
    verifyCompletions(tasks, completedBy, false);
    // the bare engine has none of Probity's layers: no audit entry
    check(auditEntries(AuditAction.TASK_COMPLETED) == audited, "the bare engine wrote audit entries");
    return r;
  }

  /**
   * 50 users (each a logged-in session) take tasks from one shared queue and complete them on the
   * task page for {@code seconds} seconds (or until the queue is empty).
   */
  record Concurrency(Result result, int completed, int errors, boolean queueRanDry, List<String> tasks) {}

  Concurrency concurrentUsers(int users, double seconds, List<String> tasks) throws Exception {
    Client[] clients = new Client[users];
    for (int w = 0; w < users; w++) {
      clients[w] = client("session", USER_PREFIX + w, "/tasks/" + tasks.get(0));
    }
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tasks);
    Map<String, String> completedBy = new java.util.concurrent.ConcurrentHashMap<>();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicInteger attempts = new AtomicInteger();
    long audited = auditEntries(AuditAction.TASK_COMPLETED);
    Result r;
    try {
      r =
        measure("concurrency", users, tasks.size(), (w, i) -> {
          if (System.nanoTime() > deadline) {
            return false; // time is up: the remaining numbers pass without work
          }
          String task = queue.poll();
          if (task == null) {
            return false;
          }
          attempts.incrementAndGet();
          KeepAliveConnection.Answer response = clients[w].post("/tasks/" + task, "application/x-www-form-urlencoded",
              "route=" + ROUTE + "&routeOverrideReason=&_csrf=" + clients[w].csrf);
          check(response.status() == 302 && response.location().endsWith("/inbox"), "task page answered " + response.status());
          check(completedBy.putIfAbsent(task, USER_PREFIX + w) == null, "completed twice: " + task);
          return true;
        });
    } finally {
      closeAll(clients);
    }
    List<String> done = new ArrayList<>(completedBy.keySet());
    verifyCompletions(done, completedBy, true);
    check(auditEntries(AuditAction.TASK_COMPLETED) - audited == done.size(), "one TASK_COMPLETED audit entry per completion");
    // nothing completed that the driver did not complete: the tasks left in the queue are still open
    List<String> left = new ArrayList<>(queue);
    for (List<String> chunk : chunks(left, 500)) {
      long open = count("select count(*) from ACT_RU_TASK where ID_ in (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
      check(open == chunk.size(), "tasks not taken by the driver are still open: " + open + " of " + chunk.size());
    }
    int errors = attempts.get() - completedBy.size();
    return new Concurrency(r, completedBy.size(), Math.max(errors, r.errors()), queue.isEmpty(), done);
  }

  /**
   * Every completion is in the database once: the triage task ended as completed (by the user who
   * completed it, when that is recorded), exactly one triage decision for its case, exactly one
   * "resolve locally" task after it, and (for Probity's doors) one TASK_COMPLETED audit entry.
   */
  void verifyCompletions(List<String> tasks, Map<String, String> completedBy, boolean assigneeRecorded) {
    check(completedBy.size() == tasks.size(), "the driver completed " + completedBy.size() + " of " + tasks.size());
    for (List<String> chunk : chunks(tasks, 500)) {
      String in = "(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
      Object[] ids = chunk.toArray();
      long ended = count("select count(*) from ACT_HI_TASKINST where ID_ in " + in + " and END_TIME_ is not null and DELETE_REASON_ = 'completed'", ids);
      check(ended == chunk.size(), "completed in history: " + ended + " of " + chunk.size());
      long stillOpen = count("select count(*) from ACT_RU_TASK where ID_ in " + in, ids);
      check(stillOpen == 0, "still open: " + stillOpen);
      long next = count(
          "select count(*) from ACT_HI_TASKINST n where n.TASK_DEF_KEY_ = 'UserTask_ResolveLocally' and n.PROC_INST_ID_ in "
              + "(select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ID_ in " + in + ")", ids);
      check(next == chunk.size(), "next tasks created: " + next + " for " + chunk.size() + " completions (lost or duplicated)");
      long decisions = count(
          "select count(*) from complaint_decision d join complaint c on c.reference = d.reference where d.step = 'triage' and c.process_instance_id in "
              + "(select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ID_ in " + in + ")", ids);
      check(decisions == chunk.size(), "triage decisions: " + decisions + " for " + chunk.size() + " completions");
      if (assigneeRecorded) {
        for (Map<String, Object> row :
            jdbc.queryForList("select ID_, ASSIGNEE_ from ACT_HI_TASKINST where ID_ in " + in, ids)) {
          String expected = completedBy.get((String) row.get("ID_"));
          check(expected.equals(row.get("ASSIGNEE_")), "task " + row.get("ID_") + " completed by " + expected + ", history says " + row.get("ASSIGNEE_"));
        }
      }
    }
  }

  long auditEntries(String action) {
    return count("select count(*) from audit_entry where action_code = ?", action);
  }

  // ---------------------------------------------------------------- background tasks

  /** Seeds open triage tasks (copies of a real one, with identity links and authorizations) up to {@code total} rows in ACT_RU_TASK. */
  int seedOpenTasksUpTo(int total) throws Exception {
    if (seed == null) {
      seed = new LoadSeed(engine, dataSource);
    }
    seed.prepare();
    long open = openTasks();
    int missing = (int) Math.max(0, total - open);
    if (missing > 0) {
      seed.seed(missing);
    }
    return missing;
  }

  /** Removes the seeded copies (back to the benchmark's own tasks and the seed's template); returns how many. */
  int removeSeededTasks() throws Exception {
    return seed == null ? 0 : seed.removeCopies();
  }

  long openTasks() {
    return count("select count(*) from ACT_RU_TASK");
  }

  // ---------------------------------------------------------------- clean-up (the smoke run)

  /** Removes seeded rows, the benchmark's complaints still running and its accounts. */
  void removeLeftovers(Set<String> processInstancesBefore) throws Exception {
    if (seed != null) {
      seed.remove();
    }
    endComplaintsExcept(processInstancesBefore);
    if (!bareInstances.isEmpty()) {
      engine.getHistoryService().deleteHistoricProcessInstancesIfExists(new ArrayList<>(bareInstances));
    }
    for (String user : createdUsers) {
      jdbc.update("delete from app_user_role where username = ?", user);
      jdbc.update("delete from app_user where username = ?", user);
    }
    dropFloor();
  }

  /** Ends every running complaint but these (and the seed's template). */
  void endComplaintsExcept(Set<String> keep) {
    List<String> running = new ArrayList<>();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(p -> {
      if (!keep.contains(p.getId()) && (seed == null || !p.getId().equals(seed.templateInstance()))) {
        running.add(p.getId());
      }
    });
    for (List<String> chunk : chunks(running, 500)) {
      engine.getRuntimeService().deleteProcessInstances(chunk, "benchmark run finished", true, true);
    }
  }

  Set<String> runningComplaints() {
    Set<String> ids = new HashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().forEach(p -> ids.add(p.getId()));
    return ids;
  }

  @Override
  public void close() {
    if (bare != null) {
      bare.close();
      bare = null;
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * An HTTP client of one user: Basic, or a logged-in session with its CSRF token. Logging in and
   * reading the token use the JDK's client; the measured requests a {@link KeepAliveConnection}.
   */
  final class Client implements AutoCloseable {
    final String csrf;
    private final String basicAuthorization;
    private final KeepAliveConnection connection;

    Client(String basicAuthorization, String sessionCookie, String csrf) {
      this.basicAuthorization = basicAuthorization;
      this.csrf = csrf;
      this.connection = new KeepAliveConnection(port, sessionCookie);
    }

    KeepAliveConnection.Answer post(String path, String contentType, String body) throws IOException {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", contentType);
      if (basicAuthorization != null) {
        headers.put("Authorization", basicAuthorization);
      }
      if (csrf != null) {
        headers.put("X-CSRF-TOKEN", csrf);
      }
      return connection.post(path, headers, body);
    }

    @Override
    public void close() {
      connection.close();
    }
  }

  static void closeAll(Client[] clients) {
    for (Client c : clients) {
      if (c != null) {
        c.close();
      }
    }
  }

  Client client(String door, String user) {
    return client(door, user, "/inbox");
  }

  /** A session's CSRF token is read from a page the user opens first ({@code page}: the task page before completing). */
  Client client(String door, String user, String page) {
    if ("basic".equals(door)) {
      String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      return new Client("Basic " + token, null, null);
    }
    HttpSession session = HttpSession.loggedIn(port, user, PASSWORD);
    String csrf = HttpSession.csrfTokenFrom(session.get(page).body());
    return new Client(null, session.cookie("JSESSIONID"), csrf);
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      chunks.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return chunks;
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

}
