package org.probity.audit;

import java.time.Instant;

/** One entry of the audit trail as stored. */
public record AuditEntry(
    long sequence,
    Instant time,
    String actor,
    String roles,
    String action,
    String subject,
    String details,
    String clientAddress,
    String previousHash,
    String hash) {}
