package org.probity.admin.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.probity.admin.Violation;
import org.probity.audit.AuditAction;
import org.probity.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit call sites of process administration: one method per event, each called exactly once
 * where the event happens, recorded in the audit trail in the action's transaction. A refused
 * deployment rolls its transaction back, so it is logged (an audit entry would roll back with it).
 */
@Component
class AdminEvents {

  private static final Logger log = LoggerFactory.getLogger(AdminEvents.class);
  private final AuditTrail auditTrail;

  AdminEvents(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  void deploymentRefused(String deploymentName, List<Violation> violations) {
    log.warn("Deployment '{}' refused: {}", deploymentName, violations);
  }

  void draftSaved(String actor, String draftId, String processKey, String changeNote) {
    auditTrail.record(AuditAction.CHANGE_DRAFT_SAVED, "draft:" + draftId, Map.of("process", processKey, "changeNote", changeNote));
  }

  void draftApproved(String actor, String draftId, String processKey, String note) {
    auditTrail.record(AuditAction.CHANGE_DRAFT_APPROVED, "draft:" + draftId, Map.of("process", processKey, "note", String.valueOf(note)));
  }

  void draftRejected(String actor, String draftId, String processKey, String note) {
    auditTrail.record(AuditAction.CHANGE_DRAFT_REJECTED, "draft:" + draftId, Map.of("process", processKey, "note", String.valueOf(note)));
  }

  void draftDeployed(String actor, String draftId, String processDefinitionId, String deploymentId) {
    auditTrail.record(AuditAction.CHANGE_DRAFT_DEPLOYED, "draft:" + draftId, Map.of("processDefinition", processDefinitionId, "deployment", deploymentId));
  }

  void migrationStarted(String actor, String sourceDefinitionId, String targetDefinitionId, Collection<String> instanceIds, String batchId) {
    auditTrail.record(AuditAction.MIGRATION_STARTED, "batch:" + batchId, Map.of("from", sourceDefinitionId, "to", targetDefinitionId, "instances", String.join(",", instanceIds)));
  }

  void incidentsRetried(String actor, Collection<String> incidentIds) {
    auditTrail.record(AuditAction.INCIDENTS_RETRIED, "incidents", Map.of("incidents", String.join(",", incidentIds)));
  }

  void instancesSuspended(String actor, Collection<String> instanceIds, String reason) {
    auditTrail.record(AuditAction.INSTANCES_SUSPENDED, "instances", Map.of("instances", String.join(",", instanceIds), "reason", reason));
  }

  void instancesResumed(String actor, Collection<String> instanceIds, String reason) {
    auditTrail.record(AuditAction.INSTANCES_RESUMED, "instances", Map.of("instances", String.join(",", instanceIds), "reason", reason));
  }

  void instancesCancelled(String actor, Collection<String> instanceIds, String reason) {
    auditTrail.record(AuditAction.INSTANCES_CANCELLED, "instances", Map.of("instances", String.join(",", instanceIds), "reason", reason));
  }
}
