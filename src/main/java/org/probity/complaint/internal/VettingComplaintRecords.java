package org.probity.complaint.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.probity.complaint.internal.ComplaintRecords.Allegation;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.vetting.ComplaintRecordSummary;
import org.probity.vetting.ComplaintRecordsCheck;
import org.springframework.stereotype.Component;

/**
 * The complaint records a vetting file attaches: every complaint naming the service number (no
 * complainant data). The pattern flag marks the complaints received within the configured window
 * ({@code probity.complaint.pattern.window}) when, over that window, the officer has reached the
 * configured threshold (that many complaints, or that many sustained serious or critical allegations):
 * the same rule that makes a complaint ask for a vetting review.
 */
@Component
class VettingComplaintRecords implements ComplaintRecordsCheck {

  private final ComplaintStore store;
  private final ComplaintProperties properties;

  VettingComplaintRecords(ComplaintStore store, ComplaintProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  @Override
  public List<ComplaintRecordSummary> recordsFor(String serviceNumber) {
    if (serviceNumber == null || serviceNumber.isBlank()) {
      return List.of();
    }
    List<Complaint> complaints = store.complaintsAgainst(serviceNumber);
    if (complaints.isEmpty()) {
      return List.of();
    }
    Instant since = Instant.now().minus(properties.pattern().windowDuration());
    boolean thresholdReached =
        store.complaintsAgainst(serviceNumber, since) >= properties.pattern().complaints()
            || store.sustainedSeriousAgainst(serviceNumber, since) >= properties.pattern().sustainedSerious();
    return complaints.stream()
        .map(c -> {
          List<Allegation> allegations = store.allegations(c.reference());
          return new ComplaintRecordSummary(
              c.reference(),
              c.receivedAt().atZone(ZoneOffset.UTC).toLocalDate(),
              allegations.stream().map(Allegation::type).toList(),
              allegations.stream().map(Allegation::finding).filter(Objects::nonNull).toList(),
              thresholdReached && !c.receivedAt().isBefore(since));
        })
        .toList();
  }
}
