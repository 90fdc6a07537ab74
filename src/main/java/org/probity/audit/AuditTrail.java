package org.probity.audit;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audit trail. Each entry is written in the transaction of the action it records (so that both
 * commit or neither does), chained to the previous entry by SHA-256, and can never be changed
 * through Probity.
 */
public interface AuditTrail {

  /**
   * Records an action by the current user (from the security context: name, roles, client address;
   * {@code "system"} when there is none). Values of details whose names suggest personal data are
   * masked. Joins the current transaction, or runs in its own when there is none.
   *
   * @param action one of {@link AuditAction}'s constants (or a module's own, upper case)
   * @param subject what was acted on: a case reference, a task, a deployment; may be null
   * @param details more facts; may be null
   */
  void record(String action, String subject, Map<String, ?> details);

  /** Walks the whole chain (in pages) and says whether it is intact. */
  AuditVerification verify();

  /** The chain's head now: the last sequence and its hash. */
  AuditHead head();

  /**
   * Streams the entries recorded in {@code [from, to)} with a sequence up to {@code upToSequence},
   * in sequence order, reading from the database page by page.
   */
  void forEachEntry(Instant from, Instant to, long upToSequence, Consumer<AuditEntry> sink);
}
