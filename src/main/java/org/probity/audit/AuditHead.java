package org.probity.audit;

/** The last entry of the chain: its sequence (0 when empty) and its hash. */
public record AuditHead(long sequence, String hash) {}
