package org.probity.admin.internal;

import java.util.List;
import org.probity.admin.Violation;

/** A file submitted to the admin API breaks deployment rules; answered 400 with the violations. */
class RuleViolationsException extends RuntimeException {

  private final transient List<Violation> violations;
  private final String field;

  RuleViolationsException(List<Violation> violations) {
    this("bpmn", violations);
  }

  /** {@code field}: the request field that holds the file ("bpmn" for the editor's drafts, "file" for uploads). */
  RuleViolationsException(String field, List<Violation> violations) {
    super("The file breaks " + violations.size() + " rule(s): " + violations);
    this.violations = List.copyOf(violations);
    this.field = field;
  }

  String field() {
    return field;
  }

  List<Violation> violations() {
    return violations;
  }
}
