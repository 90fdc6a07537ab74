package org.probity.common.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input fields of a Camunda Form ({@code .form} JSON, the schema of form-js): what the engine
 * checks a submission against. Static components (text, separator, spacer, button) carry no key
 * and are not fields; groups are flattened.
 */
public record FormSchema(String id, Map<String, Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime");

  /** One input field with the rules form-js would enforce in the browser. */
  public record Field(
      String key,
      String type,
      String label,
      boolean required,
      Double min,
      Double max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String validationType,
      String subtype,
      Set<String> values,
      boolean readOnly) {}

  public static FormSchema parse(InputStream json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("A Camunda Form must be a JSON object");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> values = new LinkedHashSet<>();
      for (JsonNode option : component.path("values")) {
        values.add(option.path("value").asText());
      }
      String key = component.get("key").asText();
      fields.put(
          key,
          new Field(
              key,
              type,
              component.path("label").asText(key),
              validate.path("required").asBoolean(false),
              number(validate, "min"),
              number(validate, "max"),
              integer(validate, "minLength"),
              integer(validate, "maxLength"),
              validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
              validate.hasNonNull("validationType") ? validate.get("validationType").asText() : null,
              component.hasNonNull("subtype") ? component.get("subtype").asText() : null,
              values,
              component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)));
    }
  }

  private static Double number(JsonNode node, String name) {
    return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).asDouble() : null;
  }

  private static Integer integer(JsonNode node, String name) {
    return node.hasNonNull(name) && node.get(name).canConvertToInt() ? node.get(name).asInt() : null;
  }

  public List<String> keys() {
    return new ArrayList<>(fields.keySet());
  }
}
