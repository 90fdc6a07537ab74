package org.probity.personnel;

import java.util.List;

/**
 * Composition of active personnel by unit and self-identified group: counts only. A cell with
 * fewer than {@code threshold} people (but not none) is suppressed ({@code count} null), and so are
 * as many further cells as needed so that no suppressed count can be worked out from the totals
 * shown. A unit with fewer than {@code threshold} people is not broken down at all.
 */
public record CompositionStatistics(int threshold, Breakdown allUnits, List<Breakdown> units) {

  /** One unit (or all units together). {@code total} is null when suppressed. */
  public record Breakdown(String unit, Integer total, List<Dimension> dimensions) {}

  /** One dimension (ethnicity, religion, region, gender) of a breakdown. */
  public record Dimension(String name, List<Cell> cells) {}

  /** One value of a dimension; {@code value} null means "not stated". {@code count} is null when suppressed. */
  public record Cell(String value, Integer count, boolean suppressed) {

    public static Cell shown(String value, int count) {
      return new Cell(value, count, false);
    }

    public static Cell hidden(String value) {
      return new Cell(value, null, true);
    }
  }
}
