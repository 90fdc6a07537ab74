package org.probity.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleSupplier;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * What the benchmarks share about where they run: MariaDB/MySQL when {@code SPRING_DATASOURCE_URL}
 * is set (profiles mysql, mysqltest), else a file H2 database under {@code target/} (profile test),
 * and the machine's load average for their reports.
 */
public final class BenchDatabase {

  private BenchDatabase() {}

  public static boolean onMySql() {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    return url != null && !url.isBlank();
  }

  /** {@code @ActiveProfiles(resolver = BenchDatabase.Profiles.class)}. */
  public static class Profiles implements ActiveProfilesResolver {
    @Override
    public String[] resolve(Class<?> testClass) {
      return onMySql() ? new String[] {"mysql", "mysqltest"} : new String[] {"test"};
    }
  }

  /** Deletes the files of {@code dir} whose names start with {@code prefix}: a fresh H2 database. */
  public static void deleteH2Files(String dir, String prefix) {
    File[] files = new File(dir).listFiles();
    for (File f : files == null ? new File[0] : files) {
      if (f.getName().startsWith(prefix)) {
        f.delete();
      }
    }
  }

  /** CPU seconds this JVM has used so far (every thread: client, server, engine, GC, compiler). */
  public static double jvmCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /**
   * CPU seconds the database server on this machine (a process named mariadbd or mysqld) has used
   * so far, from {@code /proc}; 0 when there is none. On H2, which runs inside the JVM and does a
   * statement's work in the caller's thread, the CPU seconds of its background writers (the
   * threads that write chunks to the file and compact it): the database's work after a bulk load.
   */
  public static double databaseServerCpuSeconds() {
    if (!onMySql()) {
      return h2WriterCpuSeconds();
    }
    File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
    for (File p : processes == null ? new File[0] : processes) {
      try {
        String name = Files.readString(p.toPath().resolve("comm")).trim();
        if (name.equals("mariadbd") || name.equals("mysqld")) {
          // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
          String stat = Files.readString(p.toPath().resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks (USER_HZ, 100 on Linux)
        }
      } catch (IOException | RuntimeException e) {
        // the process ended, or is not readable: try the next
      }
    }
    return 0;
  }

  /** CPU seconds of H2's MVStore background writer threads in this JVM so far. */
  private static double h2WriterCpuSeconds() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("MVStore background writer")) {
        nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return nanos / 1e9;
  }

  /**
   * Pages the MariaDB/MySQL server has read from its buffer pool so far
   * ({@code Innodb_buffer_pool_read_requests}, every client's): the database's work counted rather
   * than timed, so that it does not move with the machine; 0 on H2.
   */
  public static long databasePageReads() {
    if (!onMySql()) {
      return 0;
    }
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                System.getenv("SPRING_DATASOURCE_URL"), System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
        java.sql.ResultSet r = c.createStatement().executeQuery("show global status like 'Innodb_buffer_pool_read_requests'")) {
      return r.next() ? r.getLong(2) : 0;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the database server's status", e);
    }
  }

  /**
   * Waits until the database server on this machine has used less than 5 % of a core for two
   * seconds running (its work after a bulk load), at most {@code maxSeconds}; returns the seconds
   * waited. On H2: until its background writers have.
   */
  public static double awaitQuietDatabaseServer(int maxSeconds) throws InterruptedException {
    if (databaseServerCpuSeconds() == 0 && onMySql()) {
      return 0; // the server runs on another machine: nothing to watch
    }
    return awaitQuiet(BenchDatabase::databaseServerCpuSeconds, 0.05, 1_000, 2, maxSeconds);
  }

  /**
   * Waits until {@code work} (a running total: CPU seconds, say) has grown by less than {@code idle}
   * in each of {@code quietSteps} steps of {@code stepMillis} running, at most {@code maxSeconds};
   * returns the seconds waited. The benchmarks' one wait for a quiet database or compiler.
   */
  public static double awaitQuiet(DoubleSupplier work, double idle, long stepMillis, int quietSteps, int maxSeconds)
      throws InterruptedException {
    long start = System.nanoTime();
    double before = work.getAsDouble();
    int quiet = 0;
    while (quiet < quietSteps && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
      Thread.sleep(stepMillis);
      double now = work.getAsDouble();
      quiet = now - before < idle ? quiet + 1 : 0;
      before = now;
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** {@code /proc/loadavg}, or "unknown". */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
