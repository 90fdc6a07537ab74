package org.probity.personnel.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code probity.personnel.*}: the allowed values of each self-identified group dimension (an empty
 * list: the dimension is not collected) and the smallest count shown in composition statistics.
 */
@ConfigurationProperties("probity.personnel")
record PersonnelProperties(Groups groups, Integer smallCellThreshold) {

  static final int DEFAULT_THRESHOLD = 5;

  PersonnelProperties {
    groups = groups == null ? new Groups(null, null, null, null) : groups;
    smallCellThreshold = smallCellThreshold == null ? DEFAULT_THRESHOLD : smallCellThreshold;
    if (smallCellThreshold < 2) {
      throw new IllegalStateException("probity.personnel.small-cell-threshold must be at least 2");
    }
  }

  record Groups(List<String> ethnicity, List<String> religion, List<String> region, List<String> gender) {

    /** Stored encrypted in a column of 600 characters. */
    static final int MAX_VALUE_LENGTH = 100;

    Groups {
      ethnicity = ethnicity == null ? List.of() : List.copyOf(ethnicity);
      religion = religion == null ? List.of() : List.copyOf(religion);
      region = region == null ? List.of() : List.copyOf(region);
      gender = gender == null ? List.of() : List.copyOf(gender);
      for (List<String> values : List.of(ethnicity, religion, region, gender)) {
        for (String value : values) {
          if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalStateException(
                "probity.personnel.groups.*: each value must be 1 to " + MAX_VALUE_LENGTH + " characters");
          }
        }
      }
    }

    /** Dimension name to allowed values, in a fixed order. */
    Map<String, List<String>> byDimension() {
      Map<String, List<String>> dimensions = new LinkedHashMap<>();
      dimensions.put("ethnicity", ethnicity);
      dimensions.put("religion", religion);
      dimensions.put("region", region);
      dimensions.put("gender", gender);
      return dimensions;
    }
  }
}
