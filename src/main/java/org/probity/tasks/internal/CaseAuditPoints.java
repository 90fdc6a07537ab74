package org.probity.tasks.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The auditable events of the task and case pages, one method each, so that the audit trail (audit
 * module) can be wired here at merge: replace the log lines with calls to the audit API. Every
 * call site in this module goes through this class.
 */
@Component
class CaseAuditPoints {

  private static final Logger LOG = LoggerFactory.getLogger("probity.audit.cases");

  /** A user opened a case page (a read of a possibly sensitive case). */
  void caseRead(String user, String businessKey) {
    LOG.info("case read: user={} case={}", user, businessKey);
  }

  /** A user downloaded a document of a case. */
  void documentDownloaded(String user, String businessKey, String documentId, String sha256) {
    LOG.info("document downloaded: user={} case={} document={} sha256={}", user, businessKey, documentId, sha256);
  }

  /** A user attached a document to a case. */
  void documentUploaded(String user, String businessKey, String documentId, String sha256) {
    LOG.info("document uploaded: user={} case={} document={} sha256={}", user, businessKey, documentId, sha256);
  }

  /** A user added a note to a case. */
  void noteAdded(String user, String businessKey) {
    LOG.info("note added: user={} case={}", user, businessKey);
  }

  /** A user searched cases (the criteria, not the results). */
  void casesSearched(String user, String criteria) {
    LOG.info("cases searched: user={} criteria={}", user, criteria);
  }
}
