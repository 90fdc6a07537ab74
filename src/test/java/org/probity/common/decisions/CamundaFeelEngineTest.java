package org.probity.common.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Probity's FEEL engine answers exactly as Camunda's stock Scala FEEL engine does. */
@ProbityTest
class CamundaFeelEngineTest {

  private static final List<String> UNARY_TESTS =
      List.of("\"low\"", " \"low\" , \"medium\" ", "\"\"", "-", " - ", "not(\"high\")", "", "< 5", "[1..10]", "> 2.5, < 0",
          "null", "\"a\\\"b\"", "\"low\",", "\"high\",\"serious\"", "\"a,b\"", "\"a, b\",\"low\"");
  private static final List<Object> INPUTS =
      Arrays.asList("low", "medium", "high", "serious", "", "LOW", "a\"b", "a,b", "a", "a, b", 3, 7L, 11, 2.6, -1, true, null);
  private static final List<String> EXPRESSIONS =
      List.of("severity", " severity ", "count", "flag", "missing", "null", "true", "\"local\"", " \"local\" ", "\"\"",
          "\"a\\\"b\"", "\"a,b\"", "count * 2 + 1", "if count > 3 then \"many\" else \"few\"", "severity + \"!\"", "not");

  @Autowired ProcessEngine engine;

  private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());

  @Test
  void unaryTestsMatchTheStockEngineForEveryInput() {
    CamundaFeelEngine probity = new CamundaFeelEngine(List.of());
    for (int round = 0; round < 2; round++) { // the second round reads every text from the caches
      for (String test : UNARY_TESTS) {
        for (Object input : INPUTS) {
          VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
          assertThat(outcome(() -> probity.evaluateSimpleUnaryTests(test, "cellInput", context)))
              .as("%s against %s", test, input)
              .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests(test, "cellInput", context)));
        }
      }
    }
  }

  @Test
  void expressionsMatchTheStockEngine() {
    CamundaFeelEngine probity = new CamundaFeelEngine(List.of());
    VariableMap values = Variables.createVariables().putValue("severity", "high").putValue("count", 4).putValue("flag", true);
    values.putValue("not", "a variable named like a keyword");
    VariableContext context = values.asVariableContext();
    for (int round = 0; round < 2; round++) {
      for (String expression : EXPRESSIONS) {
        assertThat(outcome(() -> probity.evaluateSimpleExpression(expression, context)))
            .as(expression)
            .isEqualTo(outcome(() -> stock.evaluateSimpleExpression(expression, context)));
      }
    }
  }

  @Test
  void literalShapesWithStringValuesNeverReachTheInterpreterAndOtherTextsAreParsedOnce() {
    CamundaFeelEngine probity = new CamundaFeelEngine(List.of());
    VariableContext context = Variables.createVariables().putValue("severity", "high").putValue("count", 4).asVariableContext();
    assertThat(probity.evaluateSimpleUnaryTests("\"low\",\"high\"", "severity", context)).isTrue();
    assertThat(probity.evaluateSimpleUnaryTests("\"low\"", "severity", context)).isFalse();
    assertThat(probity.evaluateSimpleUnaryTests("-", "severity", context)).isTrue();
    assertThat((Object) probity.evaluateSimpleExpression("severity", context)).isEqualTo("high");
    assertThat((Object) probity.evaluateSimpleExpression("\"local-resolution\"", context)).isEqualTo("local-resolution");
    assertThat(probity.cachedCount()).isZero();

    // a number goes to FEEL: parsed once, however often it is evaluated
    for (int i = 0; i < 3; i++) {
      assertThat(probity.evaluateSimpleUnaryTests("\"low\"", "count", context)).isFalse();
      assertThat(probity.evaluateSimpleUnaryTests("< 5", "count", context)).isTrue();
      assertThat((Object) probity.evaluateSimpleExpression("count", context)).isEqualTo(4L);
    }
    assertThat(probity.cachedCount()).isEqualTo(3);

    // a text that does not parse fails as in the stock engine, and is not kept
    assertThatThrownBy(() -> probity.evaluateSimpleExpression("count +* )", context)).isInstanceOf(FeelException.class);
    assertThatThrownBy(() -> probity.evaluateSimpleUnaryTests("[1..", "count", context)).isInstanceOf(FeelException.class);
    assertThat(probity.cachedCount()).isEqualTo(3);
  }

  @Test
  void probitysEngineEvaluatesItsDecisionTablesWithIt() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    FeelEngine feel = configuration.getDmnEngineConfiguration().getFeelEngine();
    assertThat(feel).isInstanceOf(CamundaFeelEngine.class);

    Object route =
        engine.getDecisionService().evaluateDecisionByKey("complaint-triage")
            .variables(Map.of("triageAllegationType", "excessive-force", "triageSeverity", "serious"))
            .evaluate()
            .getSingleEntry();
    assertThat(route).isEqualTo("independent-investigation");
  }

  /** The value, or the kind of failure: both engines must agree on either. */
  private static Object outcome(Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (FeelException e) {
      return FeelException.class;
    }
  }
}
