package org.probity.equality.internal;

import java.math.BigDecimal;
import java.util.Map;

/** Reads submitted form values, which arrive as Long, Double, String or Boolean depending on the door. */
final class FormValues {

  private final Map<String, Object> values;

  FormValues(Map<String, Object> values) {
    this.values = values;
  }

  /** The instance's values with this submission's on top (a start has no earlier values). */
  static Map<String, Object> asItWillStand(org.probity.common.forms.Submission submission) {
    Map<String, Object> merged = new java.util.HashMap<>(submission.processVariables());
    merged.putAll(submission.values());
    return merged;
  }

  boolean has(String key) {
    Object v = values.get(key);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  String text(String key) {
    Object v = values.get(key);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  /** The number, or null when absent; {@link NumberFormatException} when not a number. */
  BigDecimal decimal(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(v.toString().trim());
  }

  /** Like {@link #decimal} but null for what is not a number (the schema check reports those). */
  BigDecimal decimalOrNull(String key) {
    try {
      return decimal(key);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  boolean flag(String key) {
    Object v = values.get(key);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }
}
