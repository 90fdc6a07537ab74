package org.probity.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression grammar on its own: what a process may say, and what it may not. */
class SafeExpressionsTest {

  /** "rules" is an allowed bean, "repositoryService" a bean that is not. */
  final SafeExpressions expressions =
      new SafeExpressions(name -> name.equals("rules"), name -> Set.of("repositoryService", "dataSource").contains(name));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${approved}",
        "${!approved}",
        "${not approved}",
        "${empty appeal}",
        "${severity == 'serious'}",
        "${severity eq \"serious\"}",
        "${count >= 3 && sustained}",
        "${(a || b) and c != null}",
        "${score > 0.75}",
        "${rules.isSerious(severity, 3)}",
        "${rules.route(execution)}",
        "${!rules.isSerious(severity)}",
        "Case ${reference} of ${year}",
        "plain text without expressions",
      })
  void allowed(String text) {
    assertThat(expressions.check(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${execution.getProcessEngineServices()}",
        "${execution}",
        "${task.delete()}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${repositoryService.deleteDeployment('x')}",
        "${repositoryService}",
        "${rules.isSerious(severity).getClass()}",
        "${rules.threshold}",
        "${complaint.severity}",
        "${now()}",
        "${a + b}",
        "${a[0]}",
        "${x = 1}",
        "${rules.route(dataSource)}",
        "#{approved}",
        "${approved",
        "${a ? b : c}",
        "${'unterminated}",
        "${}",
      })
  void refused(String text) {
    assertThat(expressions.check(text)).as(text).isPresent();
  }
}
