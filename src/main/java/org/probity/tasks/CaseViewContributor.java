package org.probity.tasks;

import java.util.List;
import java.util.Set;

/**
 * The extension point through which a feature module adds what it holds about a case to the case
 * page and to case search (for example the complaint module: the subject officer, the unit, the
 * allegations; already redacted for the viewer). Implement it as a Spring bean; every method has a
 * default so that a module answers only what it knows. Called only after Probity has decided that
 * the viewer may see the case.
 */
public interface CaseViewContributor {

  /** Facts about the case for the "Case data" section, in display order. */
  default List<CaseFact> facts(String businessKey, String viewer) {
    return List.of();
  }

  /** Other cases linked to this one (same officer, same unit...), each with its reason. */
  default List<RelatedCase> relatedCases(String businessKey, String viewer) {
    return List.of();
  }

  /** Business keys of the cases concerning an officer, by service number or (part of the) name. */
  default Set<String> casesConcerningOfficer(String serviceNumberOrName) {
    return Set.of();
  }

  /** Business keys of the cases concerning a unit (part of its name). */
  default Set<String> casesConcerningUnit(String unit) {
    return Set.of();
  }
}
