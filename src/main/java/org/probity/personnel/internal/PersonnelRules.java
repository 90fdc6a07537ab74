package org.probity.personnel.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.probity.common.InvalidInputException;
import org.probity.personnel.NewPersonnel;
import org.probity.personnel.PersonnelStatus;
import org.probity.personnel.SelfIdentifiedGroup;
import org.probity.personnel.ServiceNumber;
import org.probity.personnel.VettingDecision;
import org.probity.personnel.VettingOutcome;
import org.springframework.stereotype.Component;

/**
 * The input rules of the registry, one message per field. Text fields refuse markup outright
 * ({@code <} and {@code >}) rather than storing it escaped: no name, unit, rank or reason needs
 * them, and a value that never holds markup cannot carry a script into a page or an export.
 */
@Component
class PersonnelRules {

  static final int NAME_MAX = 200;
  static final int UNIT_MAX = 120;
  static final int RANK_MAX = 80;
  static final int REASON_MAX = 500;
  static final int CONDITIONS_MAX = 2000;
  static final int CASE_REFERENCE_MAX = 40;
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*");
  private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'’()/&#-]+");
  private static final Pattern CASE_REFERENCE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

  private final PersonnelProperties properties;

  PersonnelRules(PersonnelProperties properties) {
    this.properties = properties;
  }

  /** The registration, cleaned (normalised service number, single spaces, canonical group values). */
  NewPersonnel checkRegistration(NewPersonnel in, Map<String, String> errors) {
    String serviceNumber = ServiceNumber.normalise(in.serviceNumber());
    if (serviceNumber == null || serviceNumber.isEmpty()) {
      errors.putIfAbsent("serviceNumber", "is required");
    } else if (!ServiceNumber.isValid(serviceNumber)) {
      errors.putIfAbsent("serviceNumber", ServiceNumber.RULE);
    }
    String name = singleLine("fullName", in.fullName(), 2, NAME_MAX, errors);
    if (name != null && !errors.containsKey("fullName") && !NAME.matcher(name).matches()) {
      errors.put("fullName", "may contain only letters, spaces, hyphens, apostrophes and full stops, starting with a letter");
    }
    if (in.institution() == null) {
      errors.putIfAbsent("institution", "is required");
    }
    String unit = label("unit", in.unit(), 2, UNIT_MAX, errors);
    String rank = label("rank", in.rank(), 1, RANK_MAX, errors);
    pastDate("dateOfEntry", in.dateOfEntry(), errors);
    SelfIdentifiedGroup group = group(in.group(), errors);
    return new NewPersonnel(serviceNumber, name, in.institution(), unit, rank, in.dateOfEntry(), group);
  }

  String checkStatusChange(PersonnelStatus status, String reason, Map<String, String> errors) {
    if (status == null) {
      errors.putIfAbsent("status", "is required");
    }
    return text("reason", reason, 3, REASON_MAX, errors);
  }

  VettingDecision checkVettingDecision(VettingDecision in, LocalDate dateOfEntry, Map<String, String> errors) {
    pastDate("decidedOn", in.decidedOn(), errors);
    if (in.decidedOn() != null && dateOfEntry != null && in.decidedOn().isBefore(dateOfEntry) && !errors.containsKey("decidedOn")) {
      errors.put("decidedOn", "must not be before the person's date of entry");
    }
    VettingOutcome outcome = in.outcome();
    if (outcome == null) {
      errors.putIfAbsent("outcome", "is required");
    }
    String reference = in.caseReference() == null ? null : in.caseReference().strip().toUpperCase(Locale.ROOT);
    if (reference == null || reference.isEmpty()) {
      errors.putIfAbsent("caseReference", "is required");
    } else if (reference.length() < 3 || reference.length() > CASE_REFERENCE_MAX || !CASE_REFERENCE.matcher(reference).matches()) {
      errors.putIfAbsent("caseReference", "must be 3 to 40 letters A-Z and digits joined by single hyphens (e.g. VET-2026-000123)");
    }
    String conditions = blankToNull(in.conditions());
    if (outcome == VettingOutcome.CONDITIONALLY_CLEARED) {
      if (conditions == null) {
        errors.putIfAbsent("conditions", "is required for a conditional clearance");
      } else {
        conditions = text("conditions", conditions, 3, CONDITIONS_MAX, errors);
      }
      if (in.reviewDate() == null) {
        errors.putIfAbsent("reviewDate", "is required for a conditional clearance");
      }
    } else if (conditions != null && outcome != null) {
      errors.putIfAbsent("conditions", "is only allowed for a conditional clearance");
    }
    if (outcome == VettingOutcome.NOT_CLEARED && in.reviewDate() != null) {
      errors.putIfAbsent("reviewDate", "is not allowed when not cleared");
    }
    if (in.reviewDate() != null && in.decidedOn() != null) {
      if (!in.reviewDate().isAfter(in.decidedOn())) {
        errors.putIfAbsent("reviewDate", "must be after the decision date");
      } else if (in.reviewDate().isAfter(in.decidedOn().plusYears(10))) {
        errors.putIfAbsent("reviewDate", "must be within 10 years of the decision");
      }
    }
    return new VettingDecision(in.decidedOn(), outcome, reference, conditions, in.reviewDate());
  }

  /** The canonical (configured) spelling of each stated value; unknown values are refused. */
  private SelfIdentifiedGroup group(SelfIdentifiedGroup group, Map<String, String> errors) {
    if (group == null) {
      return SelfIdentifiedGroup.NOT_STATED;
    }
    PersonnelProperties.Groups allowed = properties.groups();
    return new SelfIdentifiedGroup(
        groupValue("ethnicity", group.ethnicity(), allowed.ethnicity(), errors),
        groupValue("religion", group.religion(), allowed.religion(), errors),
        groupValue("region", group.region(), allowed.region(), errors),
        groupValue("gender", group.gender(), allowed.gender(), errors));
  }

  private static String groupValue(String dimension, String value, List<String> allowed, Map<String, String> errors) {
    String stated = blankToNull(value);
    if (stated == null) {
      return null;
    }
    String field = "group." + dimension;
    if (allowed.isEmpty()) {
      errors.putIfAbsent(field, "is not collected");
      return null;
    }
    return allowed.stream()
        .filter(a -> a.equalsIgnoreCase(stated))
        .findFirst()
        .orElseGet(
            () -> {
              errors.putIfAbsent(field, "must be one of: " + String.join(", ", allowed) + " (or left out)");
              return null;
            });
  }

  private static void pastDate(String field, LocalDate date, Map<String, String> errors) {
    if (date == null) {
      errors.putIfAbsent(field, "is required (YYYY-MM-DD)");
    } else if (date.isAfter(LocalDate.now())) {
      errors.putIfAbsent(field, "must not be in the future");
    } else if (date.isBefore(EARLIEST)) {
      errors.putIfAbsent(field, "must not be before " + EARLIEST);
    }
  }

  private static String label(String field, String value, int min, int max, Map<String, String> errors) {
    String cleaned = singleLine(field, value, min, max, errors);
    if (cleaned != null && !errors.containsKey(field) && !LABEL.matcher(cleaned).matches()) {
      errors.put(field, "may contain only letters, digits, spaces and . , ' ( ) / & # -");
    }
    return cleaned;
  }

  /** One line: trimmed, runs of white space made one space. */
  private static String singleLine(String field, String value, int min, int max, Map<String, String> errors) {
    String cleaned = value == null ? null : value.strip().replaceAll("\\s+", " ");
    return checked(field, cleaned, min, max, errors);
  }

  /** Free text over several lines: trimmed. */
  private static String text(String field, String value, int min, int max, Map<String, String> errors) {
    return checked(field, value == null ? null : value.strip(), min, max, errors);
  }

  private static String checked(String field, String value, int min, int max, Map<String, String> errors) {
    if (value == null || value.isEmpty()) {
      errors.putIfAbsent(field, "is required");
    } else if (value.contains("<") || value.contains(">")) {
      errors.putIfAbsent(field, "must not contain < or > (no markup)");
    } else if (CONTROL.matcher(value).find()) {
      errors.putIfAbsent(field, "must not contain control characters");
    } else if (value.codePointCount(0, value.length()) < min || value.codePointCount(0, value.length()) > max) {
      errors.putIfAbsent(field, "must be " + min + " to " + max + " characters long");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static void throwIfAny(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
  }

  static Map<String, String> errors() {
    return new LinkedHashMap<>();
  }
}
