package org.probity.audit;

/**
 * The result of walking the chain: whether it is intact, how many entries were walked, and the
 * first sequence at which it breaks (a changed, missing or moved entry), null when intact.
 */
public record AuditVerification(boolean valid, long entries, Long firstBrokenSequence) {}
