package org.probity.audit.internal;

import org.probity.audit.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of the chain, for auditors and process administrators. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

  private final JdbcAuditTrail trail;

  AuditApi(JdbcAuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/verify")
  @PreAuthorize("hasAnyAuthority('auditors', 'process-admins')")
  AuditVerification verify() {
    return trail.verify();
  }
}
