package org.probity.equality.internal;

import java.util.Map;

/** Test access to the package-private impact matrix. */
public record ImpactMatrixProbe(int dataCoverage, double gapReduction, boolean mostDisadvantagedTargeted) {

  public static ImpactMatrixProbe of(Map<String, Object> variables) {
    ImpactMatrix m = ImpactMatrix.from(variables);
    return new ImpactMatrixProbe(m.dataCoverage(), m.gapReduction(), m.mostDisadvantagedTargeted());
  }
}
