package org.probity.admin.internal;

import java.util.List;
import org.probity.admin.Violation;

/** A file submitted to the admin API breaks deployment rules; answered 400 with the violations. */
class RuleViolationsException extends RuntimeException {

  private final transient List<Violation> violations;

  RuleViolationsException(List<Violation> violations) {
    super("The process breaks " + violations.size() + " rule(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  List<Violation> violations() {
    return violations;
  }
}
