package org.probity.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an entry's details into JSON text: values of keys whose names suggest personal data are
 * masked (markers from {@code probity.audit.personal-data-markers}), long values cut, odd objects
 * reduced to their type. The JSON is stored as is; the hash covers exactly that text.
 */
@Component
class AuditDetails {

  static final String MASK = "***";
  private static final int MAX_VALUE_CHARS = 2000;
  private static final int MAX_DEPTH = 5;

  private final ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private final List<String> markers;

  AuditDetails(
      @Value("${probity.audit.personal-data-markers:name,email,phone,address,contact,witness,complainant}")
          List<String> markers) {
    this.markers = markers.stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).filter(m -> !m.isEmpty()).toList();
  }

  String toJson(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(normalise(details, 0));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit details cannot be written as JSON", e);
    }
  }

  boolean isPersonal(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    return markers.stream().anyMatch(name::contains);
  }

  private Object normalise(Object value, int depth) {
    if (value instanceof FileValue file) {
      return "file " + file.getFilename();
    }
    if (value instanceof TypedValue typed) {
      return normalise(typed.getValue(), depth);
    }
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof TemporalAccessor) {
      return cut(value.toString());
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (depth >= MAX_DEPTH) {
      return "(nested too deep)";
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            out.put(key, isPersonal(key) && v != null ? MASK : normalise(v, depth + 1));
          });
      return out;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> out = new ArrayList<>();
      collection.forEach(v -> out.add(normalise(v, depth + 1)));
      return out;
    }
    if (value instanceof byte[] bytes) {
      return "(" + bytes.length + " bytes)";
    }
    // an object variable: its type only (its content may hold anything)
    return "(" + value.getClass().getSimpleName() + ")";
  }

  private static String cut(String text) {
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
  }
}
