package org.probity.tasks.internal;

import java.util.Map;
import org.probity.audit.AuditAction;
import org.probity.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * The auditable events of the task and case pages, one method each, recorded in the audit trail
 * (in the transaction of the action where there is one). Every call site in this module goes
 * through this class. The actor and client address come from the request.
 */
@Component
class CaseAuditPoints {

  private final AuditTrail auditTrail;

  CaseAuditPoints(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /** A user opened a case page (a read of a possibly sensitive case). */
  void caseRead(String user, String businessKey) {
    auditTrail.record(AuditAction.CASE_READ, businessKey, Map.of("page", "case"));
  }

  /** A user downloaded a document of a case. */
  void documentDownloaded(String user, String businessKey, String documentId, String sha256) {
    auditTrail.record(AuditAction.DOCUMENT_DOWNLOADED, businessKey, Map.of("document", documentId, "sha256", sha256));
  }

  /** A user attached a document to a case. */
  void documentUploaded(String user, String businessKey, String documentId, String sha256) {
    auditTrail.record(AuditAction.DOCUMENT_UPLOADED, businessKey, Map.of("document", documentId, "sha256", sha256));
  }

  /** A user added a note to a case. */
  void noteAdded(String user, String businessKey) {
    auditTrail.record(AuditAction.NOTE_ADDED, businessKey, Map.of());
  }

  /** A user searched cases (the criteria, not the results). */
  void casesSearched(String user, String criteria) {
    auditTrail.record(AuditAction.CASES_SEARCHED, "cases", Map.of("criteria", criteria));
  }
}
