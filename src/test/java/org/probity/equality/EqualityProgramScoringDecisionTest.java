package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every rule of processes/equality-program-scoring.dmn, at its boundaries: each case names the rule
 * that must match (by its reason) and its points; one score is checked end to end per rating.
 */
@ProbityTest
class EqualityProgramScoringDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;

  /** Inputs that match only the neutral rules of the other criteria are varied one criterion at a time. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_DataCoverageHigh          | 100 | 0     | false | medium | false | 25  | Data for 80% or more of the group-dimension cells
      Rule_DataCoverageHigh (80)     | 80  | 0     | false | medium | false | 25  | Data for 80% or more of the group-dimension cells
      Rule_DataCoveragePartial (79)  | 79  | 0     | false | medium | false | 15  | Data for 50% to 79% of the group-dimension cells
      Rule_DataCoveragePartial (50)  | 50  | 0     | false | medium | false | 15  | Data for 50% to 79% of the group-dimension cells
      Rule_DataCoverageLow (49)      | 49  | 0     | false | medium | false | 0   | Data missing for more than half of the group-dimension cells
      Rule_DataCoverageLow (0)       | 0   | 0     | false | medium | false | 0   | Data missing for more than half of the group-dimension cells
      Rule_GapReductionLarge (5)     | 0   | 5     | false | medium | false | 30  | Expected gap reduction of 5 points or more
      Rule_GapReductionModerate (4.99)| 0  | 4.99  | false | medium | false | 15  | Expected gap reduction of 1 to 5 points
      Rule_GapReductionModerate (1)  | 0   | 1     | false | medium | false | 15  | Expected gap reduction of 1 to 5 points
      Rule_GapReductionNone (0.99)   | 0   | 0.99  | false | medium | false | 0   | Little or no expected gap reduction
      Rule_GapReductionNone (0)      | 0   | 0     | false | medium | false | 0   | Little or no expected gap reduction
      Rule_GapsWiden (-0.01)         | 0   | -0.01 | false | medium | false | -20 | Gaps between groups expected to widen
      Rule_MostDisadvantagedTargeted | 0   | 0     | true  | medium | false | 20  | Reaches the most disadvantaged group
      Rule_MostDisadvantagedMissed   | 0   | 0     | false | medium | false | 0   | Does not narrow the gap of the most disadvantaged group
      Rule_RiskLow                   | 0   | 0     | false | low    | false | 25  | Low atrocity risk
      Rule_RiskMediumMitigated       | 0   | 0     | false | medium | true  | 15  | Medium atrocity risk with a mitigation plan
      Rule_RiskMediumUnmitigated     | 0   | 0     | false | medium | false | 5   | Medium atrocity risk without a mitigation plan
      Rule_RiskHighMitigated         | 0   | 0     | false | high   | true  | 5   | High atrocity risk with a mitigation plan
      Rule_RiskHighUnmitigated       | 0   | 0     | false | high   | false | 0   | High atrocity risk without a mitigation plan: cannot proceed
      """)
  void eachRuleMatchesWhereItShould(String rule, int coverage, double reduction, boolean targeted, String risk,
      boolean mitigation, int points, String reason) {
    DmnDecisionResult result = evaluate(coverage, reduction, targeted, risk, mitigation);
    // one rule per criterion matches: four in all
    assertThat(result.getResultList()).hasSize(4);
    assertThat(result.getResultList()).anySatisfy(entry -> {
      assertThat(entry.get("reason")).isEqualTo(reason);
      assertThat(((Number) entry.get("points")).intValue()).isEqualTo(points);
    });
  }

  @Test
  void theBestProgramScores100AndTheWorstScoresBelowZeroBeforeClamping() {
    assertThat(sum(evaluate(100, 8, true, "low", true))).isEqualTo(100);
    assertThat(sum(evaluate(10, -3, false, "high", false))).isEqualTo(-20);
  }

  @Test
  void everyRuleOfTheTableHasACase() {
    String definitionId = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("equality-program-scoring")
        .latestVersion().singleResult().getId();
    List<String> rules = repositoryService.getDmnModelInstance(definitionId).getModelElementsByType(Rule.class).stream()
        .map(Rule::getId).sorted().toList();
    assertThat(rules).hasSize(14).allSatisfy(id -> assertThat(id).startsWith("Rule_"));
    // the parameterized cases above are named after these ids; keep them in step
    assertThat(rules).containsExactlyInAnyOrder("Rule_DataCoverageHigh", "Rule_DataCoveragePartial",
        "Rule_DataCoverageLow", "Rule_GapReductionLarge", "Rule_GapReductionModerate", "Rule_GapReductionNone",
        "Rule_GapsWiden", "Rule_MostDisadvantagedTargeted", "Rule_MostDisadvantagedMissed", "Rule_RiskLow",
        "Rule_RiskMediumMitigated", "Rule_RiskMediumUnmitigated", "Rule_RiskHighMitigated", "Rule_RiskHighUnmitigated");
  }

  private DmnDecisionResult evaluate(int coverage, double reduction, boolean targeted, String risk, boolean mitigation) {
    return decisionService.evaluateDecisionByKey("equality-program-scoring")
        .variables(Map.of("dataCoverage", coverage, "gapReduction", reduction, "mostDisadvantagedTargeted", targeted,
            "riskRating", risk, "mitigationPlanPresent", mitigation))
        .evaluate();
  }

  private static int sum(DmnDecisionResult result) {
    return result.getResultList().stream().mapToInt(e -> ((Number) e.get("points")).intValue()).sum();
  }
}
