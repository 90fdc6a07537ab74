package org.probity.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Test-only contributions to the exports, for the test-only process {@code export-probe}: a
 * personal column (the complainant), a plain one whose values look like formulas, and one finding
 * whose reasons name a witness. Nothing else is touched: no other process key is affected.
 */
@Component
public class ExportProbeContributions implements CaseDetailsProvider, FindingSource {

  public static final String PROCESS = "export-probe";

  /** The cases the finding belongs to; set by the test that wants one. */
  public static volatile String findingCase;

  public static String complainantOf(String businessKey) {
    return "Complainant of " + businessKey;
  }

  @Override
  public String processKey() {
    return PROCESS;
  }

  @Override
  public List<CaseColumn> columns() {
    return List.of(CaseColumn.personal("complainant", "Complainant"), CaseColumn.plain("allegation", "Allegation"));
  }

  @Override
  public Map<String, Object> details(String businessKey) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("complainant", complainantOf(businessKey));
    details.put("allegation", "+SUM(1,2)");
    return details;
  }

  @Override
  public void forEachFinding(Instant from, Instant to, Consumer<Finding> sink) {
    Instant now = Instant.now();
    if (findingCase != null && !now.isBefore(from) && now.isBefore(to)) {
      sink.accept(new Finding(findingCase, "finding", "Excessive force", "sustained", now, "investigator", "Witness Jane Roe saw it"));
    }
  }
}
