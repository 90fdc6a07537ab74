package org.probity.complaint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of one deployed Camunda Form (read from {@code forms/<id>.form} on the classpath) and
 * a check of submitted values against them: unknown fields, types, required, allowed values,
 * lengths, pattern, no HTML. The portal and the staff API check intake before anything reaches
 * the engine; the engine-level validation of {@code common.forms} checks every door again.
 */
final class FormSchema {

  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "select", "radio", "datetime");
  private static final Pattern HTML = Pattern.compile("[<>]");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  record Field(String key, String label, String type, boolean required, Integer minLength, Integer maxLength, Pattern pattern, List<String> values) {}

  private final String id;
  private final Map<String, Field> fields;

  private FormSchema(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  static FormSchema load(String formId) {
    try (InputStream in = FormSchema.class.getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
      if (in == null) {
        throw new IllegalStateException("Form " + formId + " is not on the classpath");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Field> fields = new LinkedHashMap<>();
      for (JsonNode c : root.path("components")) {
        if (!c.hasNonNull("key")) {
          continue;
        }
        JsonNode v = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(option -> values.add(option.path("value").asText()));
        fields.put(
            c.get("key").asText(),
            new Field(
                c.get("key").asText(),
                c.path("label").asText(c.path("dateLabel").asText(c.get("key").asText())),
                c.path("type").asText(),
                v.path("required").asBoolean(false),
                v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
                v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
                v.hasNonNull("pattern") ? Pattern.compile(v.get("pattern").asText()) : null,
                List.copyOf(values)));
      }
      return new FormSchema(formId, fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form " + formId, e);
    }
  }

  String id() {
    return id;
  }

  Map<String, Field> fields() {
    return fields;
  }

  /** Field key to message for each violation; blank strings count as not given. */
  Map<String, String> check(Map<String, ?> values, Set<String> notAllowed) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      if (!fields.containsKey(key) || notAllowed.contains(key)) {
        errors.put(key, "is not a field of this form");
      }
    }
    for (Field field : fields.values()) {
      if (notAllowed.contains(field.key())) {
        continue;
      }
      Object value = values.get(field.key());
      if (value != null && TEXT_TYPES.contains(field.type()) && !(value instanceof String)) {
        errors.put(field.key(), "must be text");
        continue;
      }
      String text = value == null ? null : value.toString();
      if (text == null || text.isBlank()) {
        if (field.required()) {
          errors.put(field.key(), "is required");
        }
        continue;
      }
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        errors.put(field.key(), "must be at most " + field.maxLength() + " characters");
      } else if (field.minLength() != null && text.strip().length() < field.minLength()) {
        errors.put(field.key(), "must be at least " + field.minLength() + " characters");
      } else if (HTML.matcher(text).find()) {
        errors.put(field.key(), "must not contain HTML or the characters < and >");
      } else if (CONTROL.matcher(text).find()) {
        errors.put(field.key(), "must not contain control characters");
      } else if (!field.values().isEmpty() && !field.values().contains(text)) {
        errors.put(field.key(), "must be one of " + String.join(", ", field.values()));
      } else if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
        errors.put(field.key(), "has the wrong format");
      } else if ("datetime".equals(field.type())) {
        try {
          LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          errors.put(field.key(), "must be a date (YYYY-MM-DD)");
        }
      }
    }
    return errors;
  }
}
