package org.probity.complaint.internal;

import java.util.Map;
import org.probity.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public portal's JSON API, without login: file a complaint (answered with the reference and
 * the receipt code, shown once), follow it and appeal with the receipt code. Rate and size limits:
 * {@link PortalRequestGuard}.
 */
@RestController
@RequestMapping("/api/public/complaints")
class PublicComplaintApi {

  static final String UNKNOWN_RECEIPT = "No complaint matches this receipt code. Check the code and try again.";

  private final ComplaintIntake intake;
  private final ComplaintService complaints;
  private final ComplaintViews views;
  private final ComplaintAppeals appeals;

  PublicComplaintApi(ComplaintIntake intake, ComplaintService complaints, ComplaintViews views, ComplaintAppeals appeals) {
    this.intake = intake;
    this.complaints = complaints;
    this.views = views;
    this.appeals = appeals;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> file(@RequestBody Map<String, Object> body) {
    ComplaintIntake.Started started = intake.fromPortal(body);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", started.reference(), "receipt", started.receipt()));
  }

  @GetMapping("/{receipt}")
  Map<String, Object> status(@PathVariable String receipt) {
    String reference = byReceipt(receipt);
    return views.forPublic(complaints.caseOf(reference), appeals.windowOpen(reference));
  }

  @PostMapping("/{receipt}/appeal")
  ResponseEntity<Map<String, String>> appeal(@PathVariable String receipt, @RequestBody Map<String, Object> body) {
    String reference = byReceipt(receipt);
    appeals.lodge(reference, "portal", null, ComplaintAppeals.reason(body));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reference", reference, "status", "appeal-review"));
  }

  private String byReceipt(String receipt) {
    return complaints.referenceByReceipt(receipt).orElseThrow(() -> new NotFoundException(UNKNOWN_RECEIPT));
  }
}
