package org.probity.complaint.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rows of the complaint tables, as the module reads them (personal data still encrypted). */
final class ComplaintRecords {

  private ComplaintRecords() {}

  record Complaint(
      String reference,
      String processInstanceId,
      Instant receivedAt,
      String channel,
      LocalDate incidentDate,
      String incidentLocation,
      String narrativeEnc,
      String status,
      String registeredBy,
      Instant acknowledgedAt,
      String recommendedRoute,
      String route,
      String routeOverrideReason,
      String investigator,
      Instant investigationDue,
      String committeeDecision,
      Instant outcomeNotifiedAt,
      Instant appealDeadline,
      String disposition,
      Instant closedAt) {}

  record Complainant(
      String mode, String nameEnc, String emailEnc, String phoneEnc, String ethnicity, String religion, String region, String gender) {}

  record Subject(String serviceNumber, String nameEnc, String unit, String rank, String institution) {}

  record Allegation(int position, String type, String severity, String finding, String findingReason, String findingBy, Instant findingAt) {

    boolean seriousOrCritical() {
      return "serious".equals(severity) || "critical".equals(severity);
    }
  }

  record Notice(String kind, String channel, Instant createdAt, String text, boolean delivered) {}

  record Decision(String step, String decision, String reasons, String decidedBy, Instant decidedAt) {}

  record Extension(String requestedBy, Instant requestedAt, String reason, Instant previousDue, Instant newDue) {}

  record Conflict(String username, Instant declaredAt, String reason) {}

  record Assignment(String username, Instant assignedAt, String assignedBy, String reason) {}

  record VettingRequest(String serviceNumber, Instant requestedAt, String reason, String delivery) {}

  /** Everything on one case. */
  record Case(
      Complaint complaint,
      Complainant complainant,
      Subject subject,
      List<Allegation> allegations,
      List<Notice> notices,
      List<Decision> decisions,
      List<Extension> extensions,
      List<Conflict> conflicts,
      List<Assignment> assignments,
      List<VettingRequest> vettingRequests,
      int appeals) {}
}
