package org.probity.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every rule of complaint-triage: the 40 combinations of allegation type and severity, one rule each. */
@ProbityTest
class ComplaintTriageDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired RepositoryService repositoryService;

  @ParameterizedTest(name = "{0} x {1} -> {2}")
  @CsvFileSource(resources = "/complaint-triage-expected.csv", numLinesToSkip = 1)
  void routesEachCombination(String type, String severity, String route) {
    DmnDecisionResult result =
        decisionService.evaluateDecisionByKey("complaint-triage")
            .variables(Map.of("triageAllegationType", type, "triageSeverity", severity))
            .evaluate();
    assertThat(result.getResultList()).hasSize(1);
    assertThat((Object) result.getSingleEntry()).isEqualTo(route);
  }

  @Test
  void theTableIsUniqueWithOneRulePerCombination() {
    String id = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("complaint-triage").latestVersion().singleResult().getId();
    DmnModelInstance model = repositoryService.getDmnModelInstance(id);
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(table.getRules()).hasSize(40);
    assertThat(table.getRules().stream().map(Rule::getId).distinct().toList()).hasSize(40);
  }

  @Test
  void anUnknownTypeMatchesNoRule() {
    DmnDecisionResult result =
        decisionService.evaluateDecisionByKey("complaint-triage")
            .variables(Map.of("triageAllegationType", "jaywalking", "triageSeverity", "low"))
            .evaluate();
    assertThat(result.getResultList()).isEmpty();
  }
}
