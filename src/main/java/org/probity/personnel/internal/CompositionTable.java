package org.probity.personnel.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probity.personnel.CompositionStatistics;
import org.probity.personnel.CompositionStatistics.Breakdown;
import org.probity.personnel.CompositionStatistics.Cell;
import org.probity.personnel.CompositionStatistics.Dimension;

/**
 * Counts people by unit and group value and suppresses what could identify someone:
 * <ol>
 *   <li>units with fewer than {@code k} people are pooled into one row ("other units"); while
 *       that pool is itself below {@code k}, the smallest remaining unit joins it, so every unit
 *       total shown is at least {@code k} (and none can be worked out from the overall total);
 *   <li>per dimension, a count from 1 to {@code k - 1} is suppressed (primary suppression);
 *   <li>then, until nothing changes, wherever a row (a unit: its cells add up to its total) or a
 *       column (a value: the units' cells add up to the all-units cell) has exactly one suppressed
 *       cell, the smallest other non-zero cell there is suppressed too (complementary), so that no
 *       suppressed count follows from a sum.
 * </ol>
 * Zero counts are shown: they say that nobody in the unit stated that value, which discloses
 * nothing about a person.
 */
final class CompositionTable {

  static final String NOT_STATED = null;

  /** One active person: unit and dimension name to stated value (null: not stated). */
  record Person(String unit, Map<String, String> group) {}

  private CompositionTable() {}

  static CompositionStatistics compute(List<Person> people, Map<String, List<String>> dimensions, int k) {
    Map<String, List<Person>> byUnit = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    people.forEach(p -> byUnit.computeIfAbsent(p.unit(), u -> new ArrayList<>()).add(p));

    List<Map.Entry<String, List<Person>>> shown = new ArrayList<>();
    List<Person> pooled = new ArrayList<>();
    for (Map.Entry<String, List<Person>> unit : byUnit.entrySet()) {
      if (unit.getValue().size() >= k) {
        shown.add(unit);
      } else {
        pooled.addAll(unit.getValue());
      }
    }
    while (!pooled.isEmpty() && pooled.size() < k && !shown.isEmpty()) {
      Map.Entry<String, List<Person>> smallest =
          shown.stream().min(Comparator.comparingInt((Map.Entry<String, List<Person>> e) -> e.getValue().size())).orElseThrow();
      shown.remove(smallest);
      pooled.addAll(smallest.getValue());
    }
    List<String> rowNames = new ArrayList<>();
    List<List<Person>> rows = new ArrayList<>();
    shown.forEach(e -> {
      rowNames.add(e.getKey());
      rows.add(e.getValue());
    });
    if (!pooled.isEmpty()) {
      rowNames.add("Other units (fewer than " + k + " each, combined)");
      rows.add(pooled);
    }
    boolean everything = people.size() >= k;

    // per dimension: cells[row][value], the last row being all units
    Map<String, List<List<Cell>>> cellsByDimension = new LinkedHashMap<>();
    dimensions.forEach(
        (dimension, allowed) -> cellsByDimension.put(dimension, dimensionCells(dimension, allowed, rows, people, k, everything)));

    List<Breakdown> units = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Dimension> dims = new ArrayList<>();
      for (Map.Entry<String, List<List<Cell>>> d : cellsByDimension.entrySet()) {
        dims.add(new Dimension(d.getKey(), d.getValue().get(r)));
      }
      units.add(new Breakdown(rowNames.get(r), rows.get(r).size(), dims));
    }
    List<Dimension> all = new ArrayList<>();
    cellsByDimension.forEach((name, cells) -> all.add(new Dimension(name, cells.get(rows.size()))));
    Breakdown allUnits = new Breakdown(null, everything || people.isEmpty() ? people.size() : null, all);
    return new CompositionStatistics(k, allUnits, everything ? units : List.of());
  }

  private static List<List<Cell>> dimensionCells(
      String dimension, List<String> allowed, List<List<Person>> rows, List<Person> people, int k, boolean everything) {
    List<String> values = new ArrayList<>(allowed);
    people.stream()
        .map(p -> p.group().get(dimension))
        .filter(v -> v != null && !values.contains(v))
        .distinct()
        .sorted()
        .forEach(values::add); // values stored before the configuration changed
    values.add(NOT_STATED);

    int n = rows.size() + 1;
    int[][] counts = new int[n][values.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (Person p : rows.get(r)) {
        int c = values.indexOf(p.group().get(dimension));
        counts[r][c]++;
        counts[rows.size()][c]++;
      }
    }
    boolean[][] suppressed = new boolean[n][values.size()];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < values.size(); c++) {
        suppressed[r][c] = !everything || (counts[r][c] > 0 && counts[r][c] < k);
      }
    }
    if (everything) {
      complement(counts, suppressed);
    }
    List<List<Cell>> cells = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<Cell> row = new ArrayList<>();
      for (int c = 0; c < values.size(); c++) {
        row.add(suppressed[r][c] ? Cell.hidden(values.get(c)) : Cell.shown(values.get(c), counts[r][c]));
      }
      cells.add(row);
    }
    return cells;
  }

  /** Complementary suppression over rows (unit totals shown) and columns (all-units row = sum of units). */
  private static void complement(int[][] counts, boolean[][] suppressed) {
    int n = counts.length;
    int m = counts[0].length;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < n; r++) {
        List<int[]> relation = new ArrayList<>();
        for (int c = 0; c < m; c++) {
          relation.add(new int[] {r, c});
        }
        changed |= protect(relation, counts, suppressed);
      }
      for (int c = 0; c < m; c++) {
        List<int[]> relation = new ArrayList<>();
        for (int r = 0; r < n; r++) {
          relation.add(new int[] {r, c}); // the all-units cell last: units are preferred as complements
        }
        changed |= protect(relation, counts, suppressed);
      }
    }
  }

  /** Cells that add up to a shown total: never exactly one suppressed. */
  private static boolean protect(List<int[]> relation, int[][] counts, boolean[][] suppressed) {
    long hidden = relation.stream().filter(rc -> suppressed[rc[0]][rc[1]]).count();
    if (hidden != 1) {
      return false;
    }
    int[] pick = null;
    for (int[] rc : relation) {
      if (suppressed[rc[0]][rc[1]]) {
        continue;
      }
      int count = counts[rc[0]][rc[1]];
      boolean better =
          pick == null
              || (count > 0 && counts[pick[0]][pick[1]] == 0)
              || ((count > 0) == (counts[pick[0]][pick[1]] > 0) && count < counts[pick[0]][pick[1]]);
      if (better) {
        pick = rc;
      }
    }
    if (pick == null) {
      return false;
    }
    suppressed[pick[0]][pick[1]] = true;
    return true;
  }
}
