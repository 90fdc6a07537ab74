package org.probity.complaint.internal;

import java.util.List;
import java.util.Map;
import org.probity.audit.AuditAction;
import org.probity.audit.AuditTrail;
import org.probity.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff JSON API of complaints. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintApi {

  private final ComplaintIntake intake;
  private final ComplaintService complaints;
  private final ComplaintViews views;
  private final ComplaintAppeals appeals;
  private final AuditTrail audit;

  ComplaintApi(ComplaintIntake intake, ComplaintService complaints, ComplaintViews views, ComplaintAppeals appeals, AuditTrail audit) {
    this.audit = audit;
    this.intake = intake;
    this.complaints = complaints;
    this.views = views;
    this.appeals = appeals;
  }

  /** Staff intake: the intake form's fields, through the engine's start form. */
  @PostMapping
  @PreAuthorize("hasAuthority('intake-officers')")
  ResponseEntity<Map<String, String>> register(@RequestBody Map<String, Object> body, Authentication auth) {
    ComplaintIntake.Started started = intake.fromStaff(body, auth.getName(), List.copyOf(ComplaintViews.roles(auth)));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", started.reference(), "receipt", started.receipt()));
  }

  @GetMapping("/{reference}")
  @PreAuthorize("hasAnyAuthority('intake-officers', 'investigators', 'oversight-committee', 'committee-chair', 'auditors')")
  Map<String, Object> show(@PathVariable String reference, Authentication auth) {
    Map<String, Object> view = views.forStaff(complaints.caseOf(known(reference)), auth);
    // recorded only once the view was built: a refused or failed read leaves no CASE_READ
    audit.record(AuditAction.CASE_READ, reference, Map.of("via", "api", "caseTeamView", views.onCaseTeam(auth, reference)));
    return view;
  }

  /** An appeal lodged by an intake officer for a complainant (in person, by phone or letter). */
  @PostMapping("/{reference}/appeal")
  @PreAuthorize("hasAuthority('intake-officers')")
  ResponseEntity<Map<String, String>> appeal(@PathVariable String reference, @RequestBody Map<String, Object> body, Authentication auth) {
    String reason = ComplaintAppeals.reason(body);
    appeals.lodge(known(reference), "intake", auth.getName(), reason);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reference", reference, "status", "appeal-review"));
  }

  private String known(String reference) {
    if (reference == null || !reference.matches("CMP-\\d{4}-\\d{6}")) {
      throw new NotFoundException("No complaint " + reference);
    }
    complaints.complaint(reference);
    return reference;
  }
}
