package org.probity.vetting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.vetting.ComplaintRecordSummary;
import org.probity.vetting.ComplaintRecordsCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the automatic complaint-records check attaches to the file, as process variables: whether the
 * records were available, how many complaints, whether any counts towards a pattern, and one line per
 * complaint (reference, date, allegation types, findings). No complainant data is involved. When no
 * {@link ComplaintRecordsCheck} bean exists (the complaint module is not deployed) or a check fails,
 * the file says "complaint records not available" and the vetting goes on. Several beans each add
 * the records they hold (the complaint module's, and in tests a test source for TEST- numbers).
 */
@Component
class ComplaintRecordsAttachment {

  static final String NOT_AVAILABLE = "complaint records not available";
  static final int MAX_TEXT = 4000;
  private static final Logger log = LoggerFactory.getLogger(ComplaintRecordsAttachment.class);

  private final ObjectProvider<ComplaintRecordsCheck> check;

  ComplaintRecordsAttachment(ObjectProvider<ComplaintRecordsCheck> check) {
    this.check = check;
  }

  Map<String, Object> variablesFor(String serviceNumber) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<ComplaintRecordsCheck> sources = check.orderedStream().toList();
    List<ComplaintRecordSummary> records = sources.isEmpty() ? null : new ArrayList<>();
    for (ComplaintRecordsCheck source : sources) {
      try {
        records.addAll(source.recordsFor(serviceNumber));
      } catch (RuntimeException e) {
        log.warn("Complaint records check failed for a vetting file: {}", e.toString());
        records = null;
        break;
      }
    }
    if (records == null) {
      variables.put(VettingVariables.COMPLAINT_RECORDS_AVAILABLE, false);
      variables.put(VettingVariables.COMPLAINT_RECORDS, NOT_AVAILABLE);
      variables.put(VettingVariables.COMPLAINT_RECORD_COUNT, 0);
      variables.put(VettingVariables.COMPLAINT_PATTERN_FLAG, false);
      return variables;
    }
    StringBuilder text = new StringBuilder();
    for (ComplaintRecordSummary record : records) {
      String line =
          record.reference()
              + " (" + record.receivedOn() + "): "
              + (record.allegationTypes().isEmpty() ? "no allegation type" : String.join(", ", record.allegationTypes()))
              + "; findings: " + (record.findings().isEmpty() ? "none yet" : String.join(", ", record.findings()))
              + (record.patternFlag() ? "; pattern" : "")
              + "\n";
      if (text.length() + line.length() > MAX_TEXT) {
        text.append("(more: see the complaint module)\n");
        break;
      }
      text.append(line);
    }
    variables.put(VettingVariables.COMPLAINT_RECORDS_AVAILABLE, true);
    variables.put(VettingVariables.COMPLAINT_RECORDS, records.isEmpty() ? "no complaints" : text.toString().strip());
    variables.put(VettingVariables.COMPLAINT_RECORD_COUNT, records.size());
    variables.put(VettingVariables.COMPLAINT_PATTERN_FLAG, records.stream().anyMatch(ComplaintRecordSummary::patternFlag));
    return variables;
  }
}
