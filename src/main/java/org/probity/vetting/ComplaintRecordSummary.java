package org.probity.vetting;

import java.time.LocalDate;
import java.util.List;

/**
 * One complaint about a person, as attached to a vetting file: no complainant data.
 *
 * @param reference the complaint's reference (e.g. {@code CMP-2026-000123})
 * @param receivedOn when the complaint was received
 * @param allegationTypes the allegation types (e.g. {@code excessive-force})
 * @param findings the findings so far (e.g. {@code sustained}); empty while under investigation
 * @param patternFlag whether this complaint counts towards the person's pattern threshold
 */
public record ComplaintRecordSummary(
    String reference, LocalDate receivedOn, List<String> allegationTypes, List<String> findings, boolean patternFlag) {

  public ComplaintRecordSummary {
    allegationTypes = allegationTypes == null ? List.of() : List.copyOf(allegationTypes);
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
