package org.probity.complaint.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code probity.complaint.*}: deadlines (ISO 8601 durations in days or hours, e.g. {@code P3D}),
 * the pattern threshold that triggers a vetting review, the public portal's limits, and the lists
 * a complainant may self-identify from (an empty list means free text).
 */
@ConfigurationProperties("probity.complaint")
record ComplaintProperties(
    String acknowledgementDeadline,
    String investigationDeadline,
    String appealWindow,
    PatternThreshold pattern,
    Portal portal,
    Map<String, List<String>> groups,
    String mailFrom) {

  ComplaintProperties {
    acknowledgementDeadline = valid(acknowledgementDeadline, "P3D", "acknowledgement-deadline");
    investigationDeadline = valid(investigationDeadline, "P60D", "investigation-deadline");
    appealWindow = valid(appealWindow, "P30D", "appeal-window");
    pattern = pattern == null ? new PatternThreshold(3, "P365D", 1) : pattern;
    portal = portal == null ? new Portal(32768, 10, Duration.ofMinutes(10), 60, Duration.ofMinutes(1)) : portal;
    groups = groups == null ? Map.of() : groups;
    mailFrom = mailFrom == null || mailFrom.isBlank() ? "complaints@probity.invalid" : mailFrom;
  }

  /**
   * @param complaints complaints against the same service number within {@code window} that request a review
   * @param sustainedSerious sustained serious or critical allegations within {@code window} that request one
   */
  record PatternThreshold(int complaints, String window, int sustainedSerious) {
    PatternThreshold {
      window = valid(window, "P365D", "pattern.window");
      if (complaints < 1 || sustainedSerious < 1) {
        throw new IllegalStateException("probity.complaint.pattern thresholds must be at least 1");
      }
    }

    Duration windowDuration() {
      return Duration.parse(window);
    }
  }

  /**
   * @param maxBodyBytes largest request body the portal accepts
   * @param submissions submissions (POST) per client address per {@code submissionWindow}
   * @param reads status look-ups (GET) per client address per {@code readWindow}
   */
  record Portal(int maxBodyBytes, int submissions, Duration submissionWindow, int reads, Duration readWindow) {}

  Duration acknowledgementDuration() {
    return Duration.parse(acknowledgementDeadline);
  }

  Duration investigationDuration() {
    return Duration.parse(investigationDeadline);
  }

  Duration appealDuration() {
    return Duration.parse(appealWindow);
  }

  List<String> groupValues(String dimension) {
    return groups.getOrDefault(dimension, List.of());
  }

  private static String valid(String value, String fallback, String name) {
    String v = value == null || value.isBlank() ? fallback : value.trim();
    try {
      Duration.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalStateException("probity.complaint." + name + " must be an ISO 8601 duration in days or hours (e.g. P3D): " + v);
    }
    return v;
  }
}
