package org.probity.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** {@code /proc/loadavg}, or "unknown". */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
