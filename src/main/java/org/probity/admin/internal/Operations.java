package org.probity.admin.internal;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operations Community Cockpit reserves for its Enterprise edition: incidents listed with their
 * cause and retried one by one or in bulk; instances suspended, resumed or cancelled in bulk, each
 * with a stated reason.
 */
@Service
class Operations {

  record IncidentView(
      String id, String type, String cause, String activityId, String processInstanceId, String processDefinitionId, String configuration, Date since) {}

  enum InstanceAction { SUSPEND, RESUME, CANCEL }

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ExternalTaskService externalTaskService;
  private final AdminEvents events;

  Operations(RuntimeService runtimeService, ManagementService managementService, ExternalTaskService externalTaskService, AdminEvents events) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.externalTaskService = externalTaskService;
    this.events = events;
  }

  List<IncidentView> incidents(String processDefinitionId, String processInstanceId) {
    IncidentQuery query = runtimeService.createIncidentQuery();
    if (processDefinitionId != null) {
      query.processDefinitionId(processDefinitionId);
    }
    if (processInstanceId != null) {
      query.processInstanceId(processInstanceId);
    }
    return query.orderByIncidentTimestamp().desc().list().stream().map(Operations::view).toList();
  }

  /** Gives each incident's job or external task one more attempt; the incident closes when it succeeds. */
  @Transactional
  List<String> retry(String actor, Collection<String> incidentIds) {
    if (incidentIds == null || incidentIds.isEmpty()) {
      throw new InvalidInputException("incidentIds", "name at least one incident");
    }
    Set<String> ids = new LinkedHashSet<>(incidentIds);
    for (String id : ids) {
      Incident incident = runtimeService.createIncidentQuery().incidentId(id).singleResult();
      if (incident == null) {
        throw new NotFoundException("No open incident " + id);
      }
      switch (incident.getIncidentType()) {
        case Incident.FAILED_JOB_HANDLER_TYPE -> managementService.setJobRetries(incident.getConfiguration(), 1);
        case Incident.EXTERNAL_TASK_HANDLER_TYPE -> externalTaskService.setRetries(incident.getConfiguration(), 1);
        default -> throw new InvalidInputException("incidentIds", "incident " + id + " of type " + incident.getIncidentType() + " cannot be retried");
      }
    }
    events.incidentsRetried(actor, ids);
    return List.copyOf(ids);
  }

  @Transactional
  List<String> apply(String actor, InstanceAction action, Collection<String> instanceIds, String processDefinitionId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required: state why");
    }
    if (reason.length() > 2000) {
      throw new InvalidInputException("reason", "is longer than 2000 characters");
    }
    List<String> ids = targets(instanceIds, processDefinitionId);
    String why = reason.trim();
    switch (action) {
      case SUSPEND -> {
        runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids).suspend();
        events.instancesSuspended(actor, ids, why);
      }
      case RESUME -> {
        runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids).activate();
        events.instancesResumed(actor, ids, why);
      }
      case CANCEL -> {
        runtimeService.deleteProcessInstances(ids, "Cancelled by " + actor + ": " + why, false, true);
        events.instancesCancelled(actor, ids, why);
      }
    }
    return ids;
  }

  private List<String> targets(Collection<String> instanceIds, String processDefinitionId) {
    if ((instanceIds == null || instanceIds.isEmpty()) && (processDefinitionId == null || processDefinitionId.isBlank())) {
      throw new InvalidInputException("processInstanceIds", "name the instances, or a processDefinitionId for all of its instances");
    }
    if (instanceIds == null || instanceIds.isEmpty()) {
      List<String> all =
          runtimeService.createProcessInstanceQuery().processDefinitionId(processDefinitionId).list().stream().map(ProcessInstance::getId).toList();
      if (all.isEmpty()) {
        throw new InvalidInputException("processDefinitionId", "has no running instances");
      }
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>(instanceIds);
    Set<String> found =
        runtimeService.createProcessInstanceQuery().processInstanceIds(wanted).list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException("processInstanceIds", "not running: " + missing);
    }
    return List.copyOf(wanted);
  }

  private static IncidentView view(Incident incident) {
    return new IncidentView(
        incident.getId(),
        incident.getIncidentType(),
        incident.getIncidentMessage(),
        incident.getActivityId(),
        incident.getProcessInstanceId(),
        incident.getProcessDefinitionId(),
        incident.getConfiguration(),
        incident.getIncidentTimestamp());
  }
}
