package org.probity.admin.internal;

import java.util.Collection;
import java.util.List;
import org.probity.admin.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit call sites of process administration: one method per event, each called exactly once
 * where the event happens. AUDIT: at merge, each method body becomes a call to
 * {@code org.probity.audit.AuditTrail} (actor, action, subject, details); until then they log.
 */
@Component
class AdminEvents {

  private static final Logger log = LoggerFactory.getLogger(AdminEvents.class);

  void deploymentRefused(String deploymentName, List<Violation> violations) {
    // AUDIT: deployment refused by the deployment rules
    log.warn("Deployment '{}' refused: {}", deploymentName, violations);
  }

  void draftSaved(String actor, String draftId, String processKey, String changeNote) {
    // AUDIT: draft saved
    log.info("{} saved draft {} of {}: {}", actor, draftId, processKey, changeNote);
  }

  void draftApproved(String actor, String draftId, String processKey, String note) {
    // AUDIT: draft approved
    log.info("{} approved draft {} of {}: {}", actor, draftId, processKey, note);
  }

  void draftRejected(String actor, String draftId, String processKey, String note) {
    // AUDIT: draft rejected
    log.info("{} rejected draft {} of {}: {}", actor, draftId, processKey, note);
  }

  void draftDeployed(String actor, String draftId, String processDefinitionId, String deploymentId) {
    // AUDIT: new process version deployed through change control
    log.info("{} deployed draft {} as {} (deployment {})", actor, draftId, processDefinitionId, deploymentId);
  }

  void migrationStarted(String actor, String sourceDefinitionId, String targetDefinitionId, Collection<String> instanceIds, String batchId) {
    // AUDIT: migration of running instances started
    log.info("{} migrates {} instances from {} to {} (batch {})", actor, instanceIds.size(), sourceDefinitionId, targetDefinitionId, batchId);
  }

  void incidentsRetried(String actor, Collection<String> incidentIds) {
    // AUDIT: incidents retried
    log.info("{} retried incidents {}", actor, incidentIds);
  }

  void instancesSuspended(String actor, Collection<String> instanceIds, String reason) {
    // AUDIT: instances suspended
    log.info("{} suspended {}: {}", actor, instanceIds, reason);
  }

  void instancesResumed(String actor, Collection<String> instanceIds, String reason) {
    // AUDIT: instances resumed
    log.info("{} resumed {}: {}", actor, instanceIds, reason);
  }

  void instancesCancelled(String actor, Collection<String> instanceIds, String reason) {
    // AUDIT: instances cancelled
    log.info("{} cancelled {}: {}", actor, instanceIds, reason);
  }
}
