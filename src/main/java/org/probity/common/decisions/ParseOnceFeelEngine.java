package org.probity.common.decisions;

import camundajar.impl.scala.util.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The FEEL engine that Camunda's DMN engine uses, parsing each expression text once instead of on
 * every evaluation. Stock Camunda 7 hands the text to {@code evalUnaryTests} / {@code evalExpression}
 * for every entry of every evaluation, and those parse it again each time.
 * Parsing depends on the text alone (names and functions are resolved when evaluating), so a parsed
 * expression is safe to share between evaluations and threads. Evaluation is unchanged.
 *
 * <p>Only successful parses are kept, and at most {@link #MAX_CACHED} of each kind (a deployed
 * table has a fixed set of texts; the bound only protects against a stream of distinct texts).
 */
final class ParseOnceFeelEngine extends FeelEngine {

  static final int MAX_CACHED = 10_000;

  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

  ParseOnceFeelEngine(FunctionProvider functions, ValueMapper values) {
    // what FeelEngine.Builder builds for Camunda: external (Java) functions disabled
    super(functions, values, new Configuration(false), FeelEngine.defaultClock());
  }

  @Override
  public Either<Failure, ParsedExpression> parseUnaryTests(String text) {
    return parsed(unaryTests, text, super::parseUnaryTests);
  }

  @Override
  public Either<Failure, ParsedExpression> parseExpression(String text) {
    return parsed(expressions, text, super::parseExpression);
  }

  int cachedCount() {
    return unaryTests.size() + expressions.size();
  }

  private static Either<Failure, ParsedExpression> parsed(
      Map<String, Either<Failure, ParsedExpression>> cache,
      String text,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    Either<Failure, ParsedExpression> known = cache.get(text);
    if (known != null) {
      return known;
    }
    Either<Failure, ParsedExpression> result = parser.apply(text);
    if (result.isRight() && cache.size() < MAX_CACHED) {
      cache.putIfAbsent(text, result);
    }
    return result;
  }
}
