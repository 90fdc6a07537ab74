package org.probity.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of expressions (JUEL) a process may contain. Anything else is refused, so that a
 * process cannot reach into the engine or the application ({@code ${execution.processEngine...}},
 * {@code ${''.getClass().forName(...)}}, {@code ${someService.delete...}}).
 *
 * <pre>
 * expression := '${' or '}'          (text may hold several, e.g. "Case ${reference}"; '#{' is refused)
 * or         := and (('||' | 'or') and)*
 * and        := not (('&amp;&amp;' | 'and') not)*
 * not        := ('!' | 'not' | 'empty') not | comparison
 * comparison := value (('==' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;=' | 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge') value)?
 * value      := literal | variable | call | '(' or ')'
 * literal    := 'text' | "text" | integer | decimal | true | false | null
 * variable   := identifier           (a process variable; not a Spring bean, not execution/task/...)
 * call       := bean '.' identifier '(' (argument (',' argument)*)? ')'
 *               bean: one of Probity's delegates/listeners or a configured expression bean;
 *               argument: a value, or execution / task
 * </pre>
 * No property access ({@code a.b}), no arithmetic, no functions, no method calls on variables.
 */
final class SafeExpressions {

  /** Engine objects that expressions can reach without any bean: never as a variable. */
  static final Set<String> CONTEXT_OBJECTS =
      Set.of(
          "execution", "task", "externalTask", "caseExecution", "variableScope", "processEngine",
          "processEngineServices", "authenticatedUserId", "connection", "environment");

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "empty", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "instanceof", "div", "mod");

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge");
  private static final Pattern SIMPLE_VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private final Predicate<String> callableBean;
  private final Predicate<String> forbiddenVariable;

  /**
   * @param callableBean whether {@code ${name.method(...)}} may call this bean
   * @param forbiddenVariable whether a bare identifier must not be used (a Spring bean that is not allowed)
   */
  SafeExpressions(Predicate<String> callableBean, Predicate<String> forbiddenVariable) {
    this.callableBean = callableBean;
    this.forbiddenVariable = forbiddenVariable;
  }

  static boolean containsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** {@code ${name}} alone: the name, if the text is exactly that. */
  static Optional<String> simpleVariable(String text) {
    Matcher matcher = SIMPLE_VARIABLE.matcher(text == null ? "" : text.trim());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Why the text is refused, or empty if every expression in it follows the grammar. */
  Optional<String> check(String text) {
    if (text.contains("#{")) {
      return Optional.of("deferred expressions #{...} are not allowed");
    }
    int from = 0;
    while (true) {
      int start = text.indexOf("${", from);
      if (start < 0) {
        return Optional.empty();
      }
      int end = closingBrace(text, start + 2);
      if (end < 0) {
        return Optional.of("unterminated expression");
      }
      Optional<String> problem = checkBody(text.substring(start + 2, end));
      if (problem.isPresent()) {
        return Optional.of("'" + text.substring(start, end + 1) + "': " + problem.get());
      }
      from = end + 1;
    }
  }

  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private Optional<String> checkBody(String body) {
    try {
      Parser parser = new Parser(tokenize(body));
      parser.or();
      if (!parser.atEnd()) {
        throw new IllegalArgumentException("unexpected '" + parser.peek() + "'");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private record Token(String kind, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static List<Token> tokenize(String body) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
          i++;
        }
        String word = body.substring(start, i);
        tokens.add(new Token(KEYWORDS.contains(word) ? "keyword" : "identifier", word));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
          i++;
        }
        String number = body.substring(start, i);
        if (!number.matches("\\d+(\\.\\d+)?")) {
          throw new IllegalArgumentException("malformed number " + number);
        }
        tokens.add(new Token("number", number));
      } else if (c == '\'' || c == '"') {
        int start = i++;
        while (i < body.length() && body.charAt(i) != c) {
          if (body.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
        if (i >= body.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        i++;
        tokens.add(new Token("string", body.substring(start, i)));
      } else {
        String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
        if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
          tokens.add(new Token("operator", two));
          i += 2;
        } else if ("<>!(),.".indexOf(c) >= 0) {
          tokens.add(new Token("operator", String.valueOf(c)));
          i++;
        } else {
          throw new IllegalArgumentException("'" + c + "' is not allowed");
        }
      }
    }
    return tokens;
  }

  private final class Parser {
    private final List<Token> tokens;
    private int position;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return position >= tokens.size();
    }

    Token peek() {
      if (atEnd()) {
        throw new IllegalArgumentException("incomplete expression");
      }
      return tokens.get(position);
    }

    boolean accept(String... texts) {
      if (!atEnd() && Set.of(texts).contains(tokens.get(position).text())) {
        position++;
        return true;
      }
      return false;
    }

    void expect(String text) {
      if (!accept(text)) {
        throw new IllegalArgumentException("expected '" + text + "'" + (atEnd() ? " at the end" : " before '" + peek() + "'"));
      }
    }

    void or() {
      and();
      while (accept("||", "or")) {
        and();
      }
    }

    void and() {
      not();
      while (accept("&&", "and")) {
        not();
      }
    }

    void not() {
      if (accept("!", "not", "empty")) {
        not();
        return;
      }
      value(false);
      if (!atEnd() && COMPARISONS.contains(peek().text())) {
        position++;
        value(false);
      }
    }

    void value(boolean argument) {
      Token token = peek();
      position++;
      switch (token.kind()) {
        case "string", "number" -> {}
        case "keyword" -> {
          if (!Set.of("true", "false", "null").contains(token.text())) {
            throw new IllegalArgumentException("'" + token.text() + "' is not allowed here");
          }
        }
        case "identifier" -> identifier(token.text(), argument);
        default -> {
          if (!token.text().equals("(")) {
            throw new IllegalArgumentException("unexpected '" + token.text() + "'");
          }
          or();
          expect(")");
        }
      }
    }

    void identifier(String name, boolean argument) {
      if (accept(".")) {
        String method = peek().text();
        if (!peek().kind().equals("identifier")) {
          throw new IllegalArgumentException("expected a method name after '" + name + ".'");
        }
        position++;
        if (!callableBean.test(name)) {
          throw new IllegalArgumentException(
              "'" + name + "." + method + "': only methods of Probity's own delegates and configured expression beans may be called");
        }
        if (atEnd() || !peek().text().equals("(")) {
          throw new IllegalArgumentException("property access '" + name + "." + method + "' is not allowed");
        }
        expect("(");
        if (!accept(")")) {
          do {
            value(true);
          } while (accept(","));
          expect(")");
        }
        if (!atEnd() && (peek().text().equals(".") || peek().text().equals("("))) {
          throw new IllegalArgumentException("chained calls are not allowed");
        }
        return;
      }
      if (!atEnd() && peek().text().equals("(")) {
        throw new IllegalArgumentException("function '" + name + "(...)' is not allowed");
      }
      if (argument && (name.equals("execution") || name.equals("task"))) {
        return;
      }
      if (CONTEXT_OBJECTS.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is an engine object, not a process variable");
      }
      if (forbiddenVariable.test(name)) {
        throw new IllegalArgumentException("'" + name + "' names an application bean, not a process variable");
      }
    }
  }
}
