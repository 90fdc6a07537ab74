/**
 * Audit: an append-only, hash-chained record of who did what, when and from where. Other modules
 * record through {@link org.probity.audit.AuditTrail}; logins, task work, process starts and ends,
 * and deployments are recorded by the module itself (Spring Security events and engine hooks).
 */
package org.probity.audit;
