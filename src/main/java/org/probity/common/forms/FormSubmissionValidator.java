package org.probity.common.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks submitted values against a form's schema, as form-js would in the browser, so that a
 * request that skips the browser gets the same answer: required fields, types, allowed values,
 * min/max, length, pattern, e-mail and phone formats, no HTML in text, no unknown fields, read-only
 * fields unchanged. Pure logic: the engine hook is {@link SubmissionGuard}.
 */
public final class FormSubmissionValidator {

  /** Without a maxLength in the form, text is still bounded. */
  static final int DEFAULT_TEXTFIELD_MAX = 500;

  static final int DEFAULT_TEXTAREA_MAX = 10_000;

  private static final Pattern HTML = Pattern.compile("<\\s*[a-zA-Z!/?]|&#|javascript:", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,25}$");

  private FormSubmissionValidator() {}

  /**
   * @param submitted the values of this submission (raw values or Camunda typed values)
   * @param existing the values the task's scope already holds (for required fields submitted earlier
   *     and read-only fields); empty for a start
   * @param transientAllowed whether transient values outside the form may pass (the system's own calls)
   * @return field key to message; empty when acceptable
   */
  public static Map<String, String> check(
      FormSchema schema, Map<String, ?> submitted, Map<String, ?> existing, boolean transientAllowed) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      String key = entry.getKey();
      if (!schema.fields().containsKey(key)) {
        Object raw = submitted instanceof VariableMap variables ? variables.getValueTyped(key) : entry.getValue();
        boolean isTransient = raw instanceof TypedValue typed && typed.isTransient();
        if (!(transientAllowed && isTransient)) {
          errors.put(key, "is not a field of this form");
        }
      }
    }
    for (FormSchema.Field field : schema.fields().values()) {
      boolean wasSubmitted = submitted.containsKey(field.key());
      Object value = wasSubmitted ? unwrap(submitted.get(field.key())) : unwrap(existing.get(field.key()));
      if (field.readOnly() && wasSubmitted) {
        Object before = unwrap(existing.get(field.key()));
        if (value != null && !Objects.equals(String.valueOf(value), String.valueOf(before))) {
          errors.put(field.key(), "is read-only");
        }
        continue;
      }
      if (isEmpty(value)) {
        if (field.required()) {
          errors.put(field.key(), "is required");
        }
        continue;
      }
      if (wasSubmitted) {
        String problem = checkValue(field, value);
        if (problem != null) {
          errors.put(field.key(), problem);
        }
      }
    }
    return errors;
  }

  private static String checkValue(FormSchema.Field field, Object value) {
    switch (field.type()) {
      case "textfield", "textarea" -> {
        if (!(value instanceof String text)) {
          return "must be text";
        }
        return checkText(field, text);
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          return "must be a number";
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return "must be a number";
        }
        if (field.min() != null && d < field.min()) {
          return "must be at least " + plain(field.min());
        }
        if (field.max() != null && d > field.max()) {
          return "must be at most " + plain(field.max());
        }
        return null;
      }
      case "checkbox" -> {
        return value instanceof Boolean ? null : "must be true or false";
      }
      case "select", "radio" -> {
        if (!(value instanceof String choice)) {
          return "must be one of " + field.values();
        }
        return field.values().isEmpty() || field.values().contains(choice) ? null : "must be one of " + field.values();
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> items)) {
          return "must be a list";
        }
        for (Object item : items) {
          if (!(item instanceof String s) || (!field.values().isEmpty() && !field.values().contains(s))) {
            return "must only contain " + field.values();
          }
        }
        return null;
      }
      case "datetime" -> {
        return checkDate(field, value);
      }
      default -> {
        return null;
      }
    }
  }

  private static String checkText(FormSchema.Field field, String text) {
    int max =
        field.maxLength() != null
            ? field.maxLength()
            : "textarea".equals(field.type()) ? DEFAULT_TEXTAREA_MAX : DEFAULT_TEXTFIELD_MAX;
    if (text.length() > max) {
      return "must be at most " + max + " characters";
    }
    if (field.minLength() != null && text.trim().length() < field.minLength()) {
      return "must be at least " + field.minLength() + " characters";
    }
    if (HTML.matcher(text).find()) {
      return "must not contain HTML or script";
    }
    if (CONTROL.matcher(text).find() || ("textfield".equals(field.type()) && (text.contains("\n") || text.contains("\r")))) {
      return "contains characters that are not allowed";
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text.trim()).matches()) {
      return "must be an e-mail address";
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(text.trim()).matches()) {
      return "must be a phone number";
    }
    if (field.pattern() != null) {
      try {
        if (!Pattern.compile(field.pattern()).matcher(text).find()) {
          return "has the wrong format";
        }
      } catch (PatternSyntaxException e) {
        return null; // a broken pattern in a form is the form's fault, caught by the deployment checks
      }
    }
    return null;
  }

  private static String checkDate(FormSchema.Field field, Object value) {
    if (value instanceof Date) {
      return null;
    }
    if (!(value instanceof String text)) {
      return "must be a date";
    }
    try {
      switch (field.subtype() == null ? "date" : field.subtype()) {
        case "time" -> LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
        case "datetime" -> parseDateTime(text);
        default -> LocalDate.parse(text);
      }
      return null;
    } catch (DateTimeParseException e) {
      return "must be a date in the format " + ("time".equals(field.subtype()) ? "HH:mm" : "datetime".equals(field.subtype()) ? "YYYY-MM-DDTHH:mm" : "YYYY-MM-DD");
    }
  }

  private static void parseDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      LocalDateTime.parse(text);
    }
  }

  static Object unwrap(Object value) {
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
