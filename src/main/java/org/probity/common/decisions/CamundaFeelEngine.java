package org.probity.common.decisions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's Scala FEEL adapter, with two savings and the same answers:
 *
 * <ul>
 *   <li>it runs on {@link ParseOnceFeelEngine}, which parses each text once;
 *   <li>the shapes that make up most decision tables are answered without the FEEL interpreter,
 *       when the value is a string: an input entry that lists string literals ({@code "low"},
 *       {@code "low","medium"}) or is {@code -}; an input expression that is a plain variable name;
 *       an output entry that is a string literal. The FEEL engine builds its whole library of
 *       built-in functions again for every evaluation (feel-scala 1.19's {@code rootContext}), and a
 *       table is evaluated entry by entry: the triage table's 40 rules made 80 such evaluations per
 *       complaint. Every other text, and any value that is not a string (a number, a date, null, a
 *       missing variable), goes to FEEL unchanged.
 * </ul>
 *
 * {@code CamundaFeelEngineTest} checks both against Camunda's stock engine.
 */
final class CamundaFeelEngine extends ScalaFeelEngine {

  /** A FEEL string literal without escapes; its content is group 1. */
  private static final String LITERAL = "\"([^\"\\\\]*)\"";
  private static final Pattern ONE_LITERAL = Pattern.compile("\\s*" + LITERAL + "\\s*");
  private static final Pattern LITERAL_LIST = Pattern.compile("\\s*" + LITERAL + "\\s*(,\\s*" + LITERAL + "\\s*)*");
  private static final Pattern ANY_LITERAL = Pattern.compile(LITERAL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "null", "not", "and", "or", "if", "then", "else", "for", "in", "return",
          "some", "every", "satisfies", "between", "instance", "of", "function", "external");
  private static final int MAX_CACHED = ParseOnceFeelEngine.MAX_CACHED;

  /** Input entries by text: the literals they list, or empty for a text FEEL must answer. */
  private final Map<String, Optional<Set<String>>> entries = new ConcurrentHashMap<>();

  CamundaFeelEngine(List<FeelCustomFunctionProvider> providers) {
    super(providers);
  }

  @Override
  protected org.camunda.feel.FeelEngine buildFeelEngine(
      CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper values) {
    return new ParseOnceFeelEngine(functions, values);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
    if (expression != null && expression.strip().equals("-")) {
      return true;
    }
    Optional<Set<String>> literals = literalsOf(expression);
    if (literals.isPresent() && stringValue(variables, inputVariable) instanceof String input) {
      return literals.get().contains(input);
    }
    return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    if (expression != null) {
      Matcher literal = ONE_LITERAL.matcher(expression);
      if (literal.matches()) {
        return cast(literal.group(1));
      }
      String text = expression.strip();
      if (NAME.matcher(text).matches() && !KEYWORDS.contains(text) && stringValue(variables, text) instanceof String value) {
        return cast(value);
      }
    }
    return super.evaluateSimpleExpression(expression, variables);
  }

  int cachedCount() {
    return ((ParseOnceFeelEngine) feelEngine).cachedCount();
  }

  private Optional<Set<String>> literalsOf(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    Optional<Set<String>> known = entries.get(expression);
    if (known != null) {
      return known;
    }
    Optional<Set<String>> literals =
        LITERAL_LIST.matcher(expression).matches()
            // each literal's content, read as a whole (a comma inside quotes is part of it)
            ? Optional.of(ANY_LITERAL.matcher(expression).results().map(m -> m.group(1)).collect(Collectors.toUnmodifiableSet()))
            : Optional.empty();
    if (entries.size() < MAX_CACHED) {
      entries.putIfAbsent(expression, literals);
    }
    return literals;
  }

  private static Object stringValue(VariableContext variables, String name) {
    if (variables == null || !variables.containsVariable(name)) {
      return null;
    }
    TypedValue value = variables.resolve(name);
    return value == null ? null : value.getValue();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
