package org.probity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.probity.bench.AuditExportHarness.Rows;
import org.probity.bench.AuditExportHarness.Run;

/**
 * Issue 8 "Speed and memory" / issue 10 item 4: an export of 1,000,000 audit entries with the JVM
 * capped at {@code -Xmx256m} takes at most 1.5 times as long as POI's SXSSF writing the same rows
 * from memory. {@code ./mvnw test -Pbench -Dtest=AuditExportBenchmark [-Dbench.rows=1000000]
 * [-Dbench.repeats=3]}; MySQL/MariaDB when SPRING_DATASOURCE_URL is set (an empty database).
 */
@Tag("bench")
class AuditExportBenchmark {

  static final long MIB = 1024 * 1024;

  @Test
  void exportOfAMillionEntriesStaysWithinOneAndAHalfTimesTheLibraryFloor() throws Exception {
    long maxHeap = Runtime.getRuntime().maxMemory();
    assertThat(maxHeap).as("run with -Xmx256m (the bench profile sets it)").isLessThanOrEqualTo(256 * MIB);
    int rows = Integer.getInteger("bench.rows", 1_000_000);
    int repeats = Integer.getInteger("bench.repeats", 3);
    int warmUpRows = Math.min(50_000, Math.max(1_000, rows / 20));

    try (AuditExportHarness harness = AuditExportHarness.fromEnvironment(Path.of("target", "bench-export"))) {
      harness.createSchema();
      long seedStart = System.nanoTime();
      Rows[] seeded = harness.seed(warmUpRows, rows);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      System.out.printf("Seeded %,d + %,d audit entries into %s in %.1f s (floor arrays: %,d MiB)%n",
          warmUpRows, rows, harness.database(), seedSeconds, seeded[1].bytes() / MIB);

      // warm-up at small size, both contenders, so that the JIT has compiled POI's and Probity's paths
      for (int w = 0; w < 2; w++) {
        AuditExportHarness.time("probity warm-up", out -> harness.probity(AuditExportHarness.WARM_UP_DAY, out));
        AuditExportHarness.time("floor warm-up", out -> AuditExportHarness.floor(seeded[0], out));
      }

      List<Run> probity = new ArrayList<>();
      List<Run> floor = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        // alternate, so that neither always runs on a warmer or a busier machine
        Run p = AuditExportHarness.time("probity", out -> harness.probity(AuditExportHarness.DAY, out));
        Run f = AuditExportHarness.time("floor", out -> AuditExportHarness.floor(seeded[1], out));
        System.out.printf("  run %d: Probity %.2f s (%,d bytes, peak heap %,d MiB), floor %.2f s (%,d bytes, peak heap %,d MiB)%n",
            r + 1, p.seconds(), p.bytes(), p.peakHeapBytes() / MIB, f.seconds(), f.bytes(), f.peakHeapBytes() / MIB);
        probity.add(p);
        floor.add(f);
      }
      Run p = median(probity);
      Run f = median(floor);
      double ratio = p.seconds() / f.seconds();
      long peak = probity.stream().mapToLong(Run::peakHeapBytes).max().orElse(0);
      System.out.printf("%nAudit-trail export benchmark (%s, -Xmx%d MiB, %d cores, Java %s, median of %d)%n",
          harness.database(), maxHeap / MIB, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), repeats);
      System.out.printf("| rows | Probity (s) | POI SXSSF floor (s) | ratio | peak heap, Probity (MiB) | peak heap, floor (MiB) |%n");
      System.out.printf("| ---: | ---: | ---: | ---: | ---: | ---: |%n");
      System.out.printf("| %,d | %.2f | %.2f | %.2f | %d | %d |%n%n",
          rows, p.seconds(), f.seconds(), ratio, peak / MIB, floor.stream().mapToLong(Run::peakHeapBytes).max().orElse(0) / MIB);

      // the export wrote the whole day: its workbook is at least as large as the floor's (same cells, plus a Summary)
      assertThat(p.bytes()).isGreaterThan(f.bytes() * 9 / 10);
      assertThat(ratio).as("Probity's export time over POI SXSSF's").isLessThanOrEqualTo(1.5);
    }
  }

  private static Run median(List<Run> runs) {
    List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList();
    return sorted.get(sorted.size() / 2);
  }
}
