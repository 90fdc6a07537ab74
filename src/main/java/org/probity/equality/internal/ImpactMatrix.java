package org.probity.equality.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The horizontal-inequality matrix of one assessment: target group x dimension, each cell with the
 * baseline gap (points), the expected reduction of that gap (points, negative when it widens), the
 * evidence, and whether data is missing. Also derives what the equity score needs.
 */
record ImpactMatrix(List<Cell> cells) {

  static final int GROUP_SLOTS = 3;

  record Cell(int groupSlot, String groupName, Dimension dimension, BigDecimal baselineGap,
      BigDecimal expectedChange, String evidence, boolean dataMissing) {

    boolean hasData() {
      return !dataMissing && baselineGap != null;
    }
  }

  static String key(int group, Dimension d, String field) {
    return "group" + group + d.keyPart + field;
  }

  /** The cells of the named groups, read from a (validated) submission. */
  static ImpactMatrix from(Map<String, Object> variables) {
    FormValues v = new FormValues(variables);
    List<Cell> cells = new ArrayList<>();
    for (int g = 1; g <= GROUP_SLOTS; g++) {
      String name = v.text("group" + g + "Name");
      if (name == null) {
        continue;
      }
      for (Dimension d : Dimension.values()) {
        cells.add(new Cell(g, name, d, v.decimalOrNull(key(g, d, "Gap")), v.decimalOrNull(key(g, d, "Change")),
            v.text(key(g, d, "Evidence")), v.flag(key(g, d, "DataMissing"))));
      }
    }
    return new ImpactMatrix(List.copyOf(cells));
  }

  /** Share of cells with data, in percent (0 for an empty matrix). */
  int dataCoverage() {
    if (cells.isEmpty()) {
      return 0;
    }
    long withData = cells.stream().filter(Cell::hasData).count();
    return (int) Math.round(100.0 * withData / cells.size());
  }

  /** Mean expected gap reduction over the cells with data and an estimate, in points. */
  double gapReduction() {
    return cells.stream().filter(Cell::hasData).filter(c -> c.expectedChange() != null)
        .mapToDouble(c -> c.expectedChange().doubleValue()).average().orElse(0);
  }

  /**
   * Whether the most disadvantaged group (largest mean baseline gap over the cells with data) is
   * expected to see its gaps narrow overall. False when no group has data: it cannot be shown.
   */
  boolean mostDisadvantagedTargeted() {
    return cells.stream().filter(Cell::hasData).map(Cell::groupSlot).distinct()
        .max(Comparator.comparingDouble(this::meanGap))
        .map(g -> cells.stream().filter(c -> c.groupSlot() == g && c.hasData() && c.expectedChange() != null)
            .map(Cell::expectedChange).reduce(BigDecimal.ZERO, BigDecimal::add).signum() > 0)
        .orElse(false);
  }

  private double meanGap(int group) {
    return cells.stream().filter(c -> c.groupSlot() == group && c.hasData())
        .mapToDouble(c -> c.baselineGap().doubleValue()).average().orElse(0);
  }

  static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
