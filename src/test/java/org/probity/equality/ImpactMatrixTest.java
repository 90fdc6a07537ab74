package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.equality.internal.ImpactMatrixProbe;

/** What the impact matrix derives for the equity score (plain unit test, no Spring). */
class ImpactMatrixTest {

  @Test
  void aFullMatrixHasFullCoverageAndTheMeanReduction() {
    var m = ImpactMatrixProbe.of(EqualityScenario.fullImpact());
    assertThat(m.dataCoverage()).isEqualTo(100);
    assertThat(m.gapReduction()).isEqualTo(8.0);
    assertThat(m.mostDisadvantagedTargeted()).isTrue();
  }

  @Test
  void missingCellsLowerTheCoverageAndDoNotCountInTheReduction() {
    var m = ImpactMatrixProbe.of(EqualityScenario.thinImpact());
    assertThat(m.dataCoverage()).isEqualTo(20);
    assertThat(m.gapReduction()).isEqualTo(0.5);
  }

  @Test
  void aProgramThatHelpsALessDisadvantagedGroupDoesNotTargetTheMostDisadvantaged() {
    Map<String, Object> v = EqualityScenario.fullImpact();
    v.put("group2Name", "Highland farmers");
    for (String d : EqualityScenario.DIMENSIONS) {
      v.put("group2" + d + "DataMissing", false);
      v.put("group2" + d + "Gap", 45L); // worse off than group 1 (30)
      v.put("group2" + d + "Change", d.equals("Economic") ? -2L : 0L);
      v.put("group2" + d + "Evidence", "Census 2022");
    }
    var m = ImpactMatrixProbe.of(v);
    assertThat(m.dataCoverage()).isEqualTo(100);
    assertThat(m.gapReduction()).isEqualTo((5 * 8 - 2) / 10.0);
    assertThat(m.mostDisadvantagedTargeted()).isFalse();
  }

  @Test
  void withoutAnyDataNothingCanBeShown() {
    Map<String, Object> v = Map.of("group1Name", "Nomads", "group1EconomicDataMissing", true,
        "group1SocialDataMissing", true, "group1PoliticalDataMissing", true, "group1CulturalDataMissing", true,
        "group1SecurityDataMissing", true);
    var m = ImpactMatrixProbe.of(v);
    assertThat(m.dataCoverage()).isZero();
    assertThat(m.gapReduction()).isZero();
    assertThat(m.mostDisadvantagedTargeted()).isFalse();
  }
}
