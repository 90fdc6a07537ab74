package org.probity.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's input broke a rule. Carries one message per field (field name to message) so that the
 * answer can name each field; answered as HTTP 400 by {@link ApiErrorHandler}. Throw it before
 * anything is stored.
 */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(String message, Map<String, String> fieldErrors) {
    super(message);
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public InvalidInputException(String field, String message) {
    this(field + ": " + message, Map.of(field, message));
  }

  public static InvalidInputException of(Map<String, String> fieldErrors) {
    StringBuilder text = new StringBuilder("Invalid input: ");
    fieldErrors.forEach((field, message) -> text.append(field).append(": ").append(message).append("; "));
    return new InvalidInputException(text.substring(0, text.length() - 2), fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
