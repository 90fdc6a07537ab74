package org.probity.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A test-only feature module's view of the probe cases (as the complaint module will contribute:
 * the subject officer and unit), through the extension point. Cases are registered by the tests;
 * any other case gets nothing from it.
 */
@Component
class ProbeCaseContributor implements CaseViewContributor {

  record Subject(String serviceNumber, String name, String unit) {}

  private static final Map<String, Subject> SUBJECTS = new ConcurrentHashMap<>();

  static void register(String businessKey, String serviceNumber, String name, String unit) {
    SUBJECTS.put(businessKey, new Subject(serviceNumber, name, unit));
  }

  @Override
  public List<CaseFact> facts(String businessKey, String viewer) {
    Subject s = SUBJECTS.get(businessKey);
    return s == null ? List.of() : List.of(new CaseFact("Subject officer", s.serviceNumber() + " " + s.name()), new CaseFact("Unit", s.unit()));
  }

  @Override
  public List<RelatedCase> relatedCases(String businessKey, String viewer) {
    Subject s = SUBJECTS.get(businessKey);
    if (s == null) {
      return List.of();
    }
    return SUBJECTS.entrySet().stream()
        .filter(e -> !e.getKey().equals(businessKey))
        .filter(e -> e.getValue().serviceNumber().equals(s.serviceNumber()) || e.getValue().unit().equals(s.unit()))
        .map(e -> new RelatedCase(e.getKey(), e.getValue().serviceNumber().equals(s.serviceNumber()) ? "same officer" : "same unit"))
        .sorted(java.util.Comparator.comparing(RelatedCase::businessKey))
        .toList();
  }

  @Override
  public Set<String> casesConcerningOfficer(String serviceNumberOrName) {
    String q = serviceNumberOrName.toLowerCase(Locale.ROOT);
    return SUBJECTS.entrySet().stream()
        .filter(e -> e.getValue().serviceNumber().equalsIgnoreCase(q) || e.getValue().name().toLowerCase(Locale.ROOT).contains(q))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  @Override
  public Set<String> casesConcerningUnit(String unit) {
    String q = unit.toLowerCase(Locale.ROOT);
    return SUBJECTS.entrySet().stream()
        .filter(e -> e.getValue().unit().toLowerCase(Locale.ROOT).contains(q))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
