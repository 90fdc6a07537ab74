package org.probity.vetting;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Test-only source of complaint records, standing in for the complaint module (which implements
 * {@link ComplaintRecordsCheck} at merge). It answers only for service numbers starting with
 * {@code TEST-}, with the records a test put in {@link #RECORDS}; for every other person it adds
 * nothing, so it never changes what the real implementation answers.
 */
@Component
class TestComplaintRecords implements ComplaintRecordsCheck {

  static final Map<String, List<ComplaintRecordSummary>> RECORDS = new ConcurrentHashMap<>();

  @Override
  public List<ComplaintRecordSummary> recordsFor(String serviceNumber) {
    if (serviceNumber == null || !serviceNumber.startsWith("TEST-")) {
      return List.of();
    }
    return RECORDS.getOrDefault(serviceNumber, List.of());
  }
}
