package org.probity.common.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.probity.common.decisions.DecisionEnginePlugin.ParseOnceScalaFeelEngine;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The parse-once FEEL engine answers exactly as Camunda's stock Scala FEEL engine does. */
@ProbityTest
class ParseOnceFeelEngineTest {

  private static final List<String> UNARY_TESTS =
      List.of("\"low\"", "\"low\",\"medium\"", "not(\"high\")", "-", "", "< 5", "[1..10]", "> 2.5, < 0", "null");
  private static final List<Object> INPUTS = java.util.Arrays.asList("low", "medium", "high", 3, 7L, 11, 2.6, -1, null);

  @Autowired ProcessEngine engine;

  private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());

  @Test
  void unaryTestsMatchTheStockEngineForEveryInputAndAreParsedOnce() {
    ParseOnceScalaFeelEngine parseOnce = new ParseOnceScalaFeelEngine(List.of());
    for (int round = 0; round < 2; round++) { // the second round reads every text from the cache
      for (String test : UNARY_TESTS) {
        for (Object input : INPUTS) {
          VariableContext context = Variables.createVariables().putValue("severity", input).asVariableContext();
          assertThat(outcome(() -> parseOnce.evaluateSimpleUnaryTests(test, "severity", context)))
              .as("%s against %s", test, input)
              .isEqualTo(outcome(() -> stock.evaluateSimpleUnaryTests(test, "severity", context)));
        }
      }
    }
    // every text that parses is kept once; one that does not (the empty text) is parsed each time
    org.camunda.feel.FeelEngine parser = new org.camunda.feel.FeelEngine.Builder().build();
    long parsable = UNARY_TESTS.stream().filter(test -> parser.parseUnaryTests(test).isRight()).count();
    assertThat(parser.parseUnaryTests("").isLeft()).isTrue();
    assertThat(parsable).isEqualTo(UNARY_TESTS.size() - 1);
    assertThat(parseOnce.cachedCount()).isEqualTo(parsable);
  }

  @Test
  void expressionsMatchTheStockEngineAndAFailedParseIsNotKept() {
    ParseOnceScalaFeelEngine parseOnce = new ParseOnceScalaFeelEngine(List.of());
    VariableContext context =
        Variables.createVariables().putValue("severity", "high").putValue("count", 4).asVariableContext();
    for (String expression : List.of("severity", "\"local\"", "count * 2 + 1", "if count > 3 then \"many\" else \"few\"", "missing")) {
      Object expected = stock.evaluateSimpleExpression(expression, context);
      assertThat((Object) parseOnce.evaluateSimpleExpression(expression, context)).as(expression).isEqualTo(expected);
      assertThat((Object) parseOnce.evaluateSimpleExpression(expression, context)).as(expression).isEqualTo(expected);
    }
    assertThat(parseOnce.cachedCount()).isEqualTo(5);

    assertThatThrownBy(() -> parseOnce.evaluateSimpleExpression("count +* )", context)).isInstanceOf(FeelException.class);
    assertThatThrownBy(() -> parseOnce.evaluateSimpleUnaryTests("[1..", "count", context)).isInstanceOf(FeelException.class);
    assertThat(parseOnce.cachedCount()).isEqualTo(5);
  }

  @Test
  void probitysEngineEvaluatesItsDecisionTablesWithTheParseOnceEngine() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    FeelEngine feel = configuration.getDmnEngineConfiguration().getFeelEngine();
    assertThat(feel).isInstanceOf(ParseOnceScalaFeelEngine.class);

    Object route =
        engine.getDecisionService().evaluateDecisionByKey("complaint-triage")
            .variables(Map.of("triageAllegationType", "excessive-force", "triageSeverity", "serious"))
            .evaluate()
            .getSingleEntry();
    assertThat(route).isEqualTo("independent-investigation");
    assertThat(((ParseOnceScalaFeelEngine) feel).cachedCount()).isPositive();
  }

  /** The value, or the kind of failure: both engines must agree on either. */
  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (FeelException e) {
      return FeelException.class;
    }
  }
}
