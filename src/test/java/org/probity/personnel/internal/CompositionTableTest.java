package org.probity.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.personnel.CompositionStatistics;
import org.probity.personnel.CompositionStatistics.Breakdown;
import org.probity.personnel.CompositionStatistics.Cell;

class CompositionTableTest {

  static final Map<String, List<String>> GENDER = new LinkedHashMap<>(Map.of("gender", List.of("Female", "Male")));

  @Test
  void largeCellsAreShownAndAddUp() {
    List<CompositionTable.Person> people = new ArrayList<>();
    add(people, "A", "Female", 6);
    add(people, "A", "Male", 7);
    add(people, "B", "Female", 5);
    add(people, "B", "Male", 5);
    CompositionStatistics stats = CompositionTable.compute(people, GENDER, 5);
    assertThat(stats.allUnits().total()).isEqualTo(23);
    assertThat(counts(stats.allUnits())).containsExactly(11, 12, 0);
    assertThat(stats.units()).extracting(Breakdown::unit).containsExactly("A", "B");
    assertThat(counts(stats.units().get(0))).containsExactly(6, 7, 0);
  }

  @Test
  void aSmallCellAndEveryCellThatWouldRevealItAreSuppressed() {
    List<CompositionTable.Person> people = new ArrayList<>();
    add(people, "A", "Female", 9);
    add(people, "A", "Male", 1);
    add(people, "B", "Female", 6);
    add(people, "B", "Male", 8);
    CompositionStatistics stats = CompositionTable.compute(people, GENDER, 5);
    // A: Male 1 is small; Female 9 would reveal it from A's total of 10
    assertThat(counts(stats.units().get(0))).containsExactly(null, null, 0);
    // column Male: A hidden, so another unit's Male is hidden too (else all-units minus B reveals A)
    Breakdown b = stats.units().get(1);
    assertThat(b.total()).isEqualTo(14);
    assertThat(counts(b).stream().filter(c -> c == null).count()).isEqualTo(2);
    assertNoSingleHiddenCell(stats);
  }

  @Test
  void smallUnitsArePooledUntilThePoolIsLargeEnough() {
    List<CompositionTable.Person> people = new ArrayList<>();
    add(people, "Big", "Female", 10);
    add(people, "Big", "Male", 10);
    add(people, "Mid", "Female", 3);
    add(people, "Mid", "Male", 3);
    add(people, "Tiny", "Female", 2);
    CompositionStatistics stats = CompositionTable.compute(people, GENDER, 5);
    // Tiny (2) alone would be derivable from the total: the smallest shown unit (Mid) joins the pool
    assertThat(stats.units()).extracting(Breakdown::unit).containsExactly("Big", "Other units (fewer than 5 each, combined)");
    assertThat(stats.units()).extracting(Breakdown::total).containsExactly(20, 8);
    assertThat(stats.units()).noneMatch(u -> u.unit().equals("Tiny") || u.unit().equals("Mid"));
    assertNoSingleHiddenCell(stats);
  }

  @Test
  void fewerPeopleThanTheThresholdShowNothing() {
    List<CompositionTable.Person> people = new ArrayList<>();
    add(people, "A", "Female", 3);
    CompositionStatistics stats = CompositionTable.compute(people, GENDER, 5);
    assertThat(stats.allUnits().total()).isNull();
    assertThat(stats.units()).isEmpty();
    assertThat(counts(stats.allUnits())).containsOnlyNulls();
  }

  /** No row (unit or all units) and no column has exactly one suppressed cell. */
  private static void assertNoSingleHiddenCell(CompositionStatistics stats) {
    List<Breakdown> rows = new ArrayList<>(stats.units());
    rows.add(stats.allUnits());
    for (Breakdown row : rows) {
      assertThat(counts(row).stream().filter(c -> c == null).count()).as(row.unit()).isNotEqualTo(1);
    }
    int columns = counts(stats.allUnits()).size();
    for (int c = 0; c < columns; c++) {
      int column = c;
      assertThat(rows.stream().filter(r -> counts(r).get(column) == null).count()).isNotEqualTo(1);
    }
  }

  private static List<Integer> counts(Breakdown breakdown) {
    return breakdown.dimensions().get(0).cells().stream().map(Cell::count).toList();
  }

  private static void add(List<CompositionTable.Person> people, String unit, String gender, int n) {
    for (int i = 0; i < n; i++) {
      Map<String, String> group = new HashMap<>();
      group.put("gender", gender);
      people.add(new CompositionTable.Person(unit, group));
    }
  }
}
