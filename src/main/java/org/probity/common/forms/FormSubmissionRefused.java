package org.probity.common.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start form or task completion was refused: one message per field. Extends Camunda's own
 * {@link FormFieldValidationException} so that Camunda's REST API (and Tasklist, which uses it)
 * answers HTTP 400 with the message; Probity's pages and {@code /api} read {@link #fieldErrors()}.
 */
public class FormSubmissionRefused extends FormFieldValidationException {

  private final Map<String, String> fieldErrors;

  public FormSubmissionRefused(Map<String, String> fieldErrors) {
    super(fieldErrors.keySet().iterator().next(), describe(fieldErrors));
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  private static String describe(Map<String, String> fieldErrors) {
    StringBuilder text = new StringBuilder("Submission refused: ");
    fieldErrors.forEach((field, message) -> text.append(field).append(": ").append(message).append("; "));
    return text.substring(0, text.length() - 2);
  }
}
