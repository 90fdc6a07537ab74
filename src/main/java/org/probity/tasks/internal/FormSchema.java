package org.probity.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployed Camunda Form ({@code .form} JSON, the file Tasklist renders) read into the fields the
 * task page renders: the one source of truth for both. Components outside the supported set are
 * kept as {@code unsupported} so the page says so instead of silently dropping an input.
 */
record FormSchema(String id, List<Field> fields) {

  static final List<String> INPUT_TYPES =
      List.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");

  record Option(String value, String label) {}

  record Field(
      String type,
      String key,
      String label,
      String description,
      boolean required,
      Double min,
      Double max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String subtype,
      String text,
      Object defaultValue,
      List<Option> options,
      List<Field> components) {

    public boolean input() {
      return INPUT_TYPES.contains(type) && key != null;
    }

    public String minText() {
      return plain(min);
    }

    public String maxText() {
      return plain(max);
    }

    private static String plain(Double d) {
      if (d == null) {
        return null;
      }
      return d % 1 == 0 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    /** The HTML input type of a textfield, number or datetime. */
    public String htmlType() {
      return switch (type) {
        case "number" -> "number";
        case "datetime" -> switch (subtype == null ? "" : subtype) {
          case "date" -> "date";
          case "time" -> "time";
          default -> "datetime-local";
        };
        default -> "text";
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static FormSchema read(InputStream json) throws IOException {
    JsonNode root = JSON.readTree(json);
    return new FormSchema(root.path("id").asText(null), fields(root.path("components")));
  }

  /** Every input field, groups flattened. */
  List<Field> inputs() {
    List<Field> inputs = new ArrayList<>();
    collect(fields, inputs);
    return inputs;
  }

  private static void collect(List<Field> fields, List<Field> into) {
    for (Field f : fields) {
      if (f.input()) {
        into.add(f);
      }
      collect(f.components(), into);
    }
  }

  private static List<Field> fields(JsonNode components) {
    List<Field> fields = new ArrayList<>();
    for (JsonNode c : components) {
      JsonNode validate = c.path("validate");
      List<Option> options = new ArrayList<>();
      for (JsonNode v : c.path("values")) {
        options.add(new Option(v.path("value").asText(), v.path("label").asText(v.path("value").asText())));
      }
      String type = c.path("type").asText("");
      String label = text(c, "label");
      if (label == null && "datetime".equals(type)) {
        label = text(c, "dateLabel") != null ? text(c, "dateLabel") : text(c, "timeLabel");
      }
      fields.add(
          new Field(
              type,
              text(c, "key"),
              label,
              text(c, "description"),
              validate.path("required").asBoolean(false),
              number(validate, "min"),
              number(validate, "max"),
              integer(validate, "minLength"),
              integer(validate, "maxLength"),
              text(validate, "pattern"),
              text(c, "subtype"),
              text(c, "text"),
              c.has("defaultValue") ? JSON.convertValue(c.get("defaultValue"), Object.class) : null,
              options,
              fields(c.path("components"))));
    }
    return fields;
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Double number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || !v.isNumber() ? null : v.asDouble();
  }

  private static Integer integer(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || !v.canConvertToInt() ? null : v.asInt();
  }
}
