package org.probity.complaint.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.probity.complaint.internal.ComplaintRecords.Case;
import org.probity.complaint.internal.ComplaintRecords.Complaint;
import org.probity.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What each reader sees of a complaint. Complainant identity and the officer's name: intake
 * officers, the committee chair and the investigators on the case only (a confidential
 * complainant is thereby withheld from everyone outside the case team, and from exports). The
 * narrative: everyone who works complaints, not auditors. The public: status, dates and notices.
 */
@Component
class ComplaintViews {

  static final Set<String> READERS =
      Set.of(Role.INTAKE_OFFICERS.id(), Role.INVESTIGATORS.id(), Role.OVERSIGHT_COMMITTEE.id(), Role.COMMITTEE_CHAIR.id(), Role.AUDITORS.id());

  private final ComplaintService complaints;

  ComplaintViews(ComplaintService complaints) {
    this.complaints = complaints;
  }

  static Set<String> roles(Authentication auth) {
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  boolean onCaseTeam(Authentication auth, String reference) {
    return onCaseTeam(auth.getName(), roles(auth), reference);
  }

  /** The same rule for a user known by name and roles (the case page's contributions). */
  boolean onCaseTeam(String username, Set<String> roles, String reference) {
    return roles.contains(Role.INTAKE_OFFICERS.id())
        || roles.contains(Role.COMMITTEE_CHAIR.id())
        || (roles.contains(Role.INVESTIGATORS.id()) && complaints.assignedInvestigators(reference).contains(username));
  }

  Map<String, Object> forStaff(Case c, Authentication auth) {
    Complaint complaint = c.complaint();
    boolean team = onCaseTeam(auth, complaint.reference());
    Set<String> roles = roles(auth);
    boolean narrative = roles.stream().anyMatch(r -> READERS.contains(r) && !r.equals(Role.AUDITORS.id()));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reference", complaint.reference());
    view.put("status", complaint.status());
    view.put("receivedAt", complaint.receivedAt());
    view.put("channel", complaint.channel());
    view.put("incidentDate", complaint.incidentDate());
    view.put("incidentLocation", complaint.incidentLocation());
    view.put("narrative", narrative ? complaints.decrypt(complaint.narrativeEnc(), ComplaintService.CONTEXT_NARRATIVE) : "[withheld]");
    view.put("acknowledgedAt", complaint.acknowledgedAt());
    view.put("recommendedRoute", complaint.recommendedRoute());
    view.put("route", complaint.route());
    view.put("routeOverrideReason", complaint.routeOverrideReason());
    view.put("investigator", complaint.investigator());
    view.put("investigationDue", complaint.investigationDue());
    view.put("outcomeNotifiedAt", complaint.outcomeNotifiedAt());
    view.put("appealDeadline", complaint.appealDeadline());
    view.put("disposition", complaint.disposition());
    view.put("closedAt", complaint.closedAt());
    Map<String, Object> complainant = new LinkedHashMap<>();
    complainant.put("mode", c.complainant().mode());
    if (team && !"anonymous".equals(c.complainant().mode())) {
      complainant.put("name", complaints.decrypt(c.complainant().nameEnc(), ComplaintService.CONTEXT_NAME));
      complainant.put("email", complaints.decrypt(c.complainant().emailEnc(), ComplaintService.CONTEXT_EMAIL));
      complainant.put("phone", complaints.decrypt(c.complainant().phoneEnc(), ComplaintService.CONTEXT_PHONE));
    }
    if (team) {
      complainant.put("ethnicity", c.complainant().ethnicity());
      complainant.put("religion", c.complainant().religion());
      complainant.put("region", c.complainant().region());
      complainant.put("gender", c.complainant().gender());
    }
    view.put("complainant", complainant);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("serviceNumber", c.subject().serviceNumber());
    if (team) {
      subject.put("name", complaints.decrypt(c.subject().nameEnc(), ComplaintService.CONTEXT_SUBJECT_NAME));
    }
    subject.put("unit", c.subject().unit());
    subject.put("rank", c.subject().rank());
    subject.put("institution", c.subject().institution());
    // the link to the personnel registry: the unit, rank and institution above are then the registry's
    subject.put("inPersonnelRegistry", complaints.registryRecord(c.subject().serviceNumber()).isPresent());
    view.put("subject", subject);
    view.put("allegations", c.allegations());
    view.put("notices", c.notices());
    view.put("decisions", c.decisions());
    view.put("extensions", c.extensions());
    view.put("conflicts", team ? c.conflicts() : c.conflicts().stream().map(x -> Map.of("username", x.username(), "declaredAt", x.declaredAt())).toList());
    view.put("assignments", c.assignments());
    view.put("vettingRequests", c.vettingRequests());
    view.put("appeals", c.appeals());
    return view;
  }

  Map<String, Object> forPublic(Case c, boolean appealOpen) {
    Complaint complaint = c.complaint();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reference", complaint.reference());
    view.put("status", complaint.status());
    view.put("receivedAt", complaint.receivedAt());
    view.put("acknowledgedAt", complaint.acknowledgedAt());
    view.put("outcomeNotifiedAt", complaint.outcomeNotifiedAt());
    view.put("appealOpen", appealOpen);
    view.put("appealDeadline", appealOpen ? complaint.appealDeadline() : null);
    view.put("closedAt", complaint.closedAt());
    view.put("notices", publicNotices(c.notices()));
    return view;
  }

  private static List<Map<String, Object>> publicNotices(Collection<ComplaintRecords.Notice> notices) {
    return notices.stream().map(n -> Map.<String, Object>of("kind", n.kind(), "time", n.createdAt(), "text", n.text())).toList();
  }
}
