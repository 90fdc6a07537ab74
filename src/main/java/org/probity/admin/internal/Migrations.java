package org.probity.admin.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Migration of running instances between two versions of a process, with Camunda's migration API:
 * a plan (equal activities mapped, plus any explicit instructions), a preview of what happens to
 * each instance, and execution as a batch. Running cases stay on their version unless migrated.
 */
@Service
class Migrations {

  record Instruction(String source, String target) {}

  record InstancePreview(
      String id, String businessKey, List<String> activeActivities, Map<String, String> mapping, List<String> cannotMigrate, boolean migratable) {}

  record Preview(
      String sourceDefinitionId,
      String targetDefinitionId,
      List<Instruction> instructions,
      List<String> unmappedSourceActivities,
      List<InstancePreview> instances) {}

  record Started(String batchId, int instances) {}

  record BatchStatus(String id, String type, int totalJobs, long remainingJobs, long failedJobs, boolean finished) {}

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final AdminEvents events;

  Migrations(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      ManagementService managementService,
      HistoryService historyService,
      AdminEvents events) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.events = events;
  }

  Preview preview(String sourceId, String targetId, List<Instruction> extra, Collection<String> instanceIds) {
    MigrationPlan plan = plan(sourceId, targetId, extra);
    Map<String, String> mapping = new LinkedHashMap<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      mapping.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
    }
    List<String> unmapped =
        repositoryService.getBpmnModelInstance(sourceId).getModelElementsByType(FlowNode.class).stream()
            .map(FlowNode::getId)
            .filter(id -> !mapping.containsKey(id))
            .sorted()
            .toList();
    List<InstancePreview> instances = new ArrayList<>();
    for (ProcessInstance instance : instances(sourceId, instanceIds)) {
      List<String> active = runtimeService.getActiveActivityIds(instance.getId()).stream().distinct().sorted().toList();
      Map<String, String> where = new LinkedHashMap<>();
      List<String> cannot = new ArrayList<>();
      for (String activity : active) {
        if (mapping.containsKey(activity)) {
          where.put(activity, mapping.get(activity));
        } else {
          cannot.add(activity);
        }
      }
      instances.add(new InstancePreview(instance.getId(), instance.getBusinessKey(), active, where, cannot, cannot.isEmpty()));
    }
    List<Instruction> instructions = mapping.entrySet().stream().map(e -> new Instruction(e.getKey(), e.getValue())).toList();
    return new Preview(sourceId, targetId, instructions, unmapped, instances);
  }

  Started execute(String actor, String sourceId, String targetId, List<Instruction> extra, Collection<String> instanceIds) {
    Preview preview = preview(sourceId, targetId, extra, instanceIds);
    List<String> refused = preview.instances().stream().filter(i -> !i.migratable()).map(InstancePreview::id).toList();
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "processInstanceIds", "these instances wait in activities the plan does not map: " + refused + "; add instructions or leave them out");
    }
    if (preview.instances().isEmpty()) {
      throw new InvalidInputException("processInstanceIds", "no running instance of " + sourceId + " to migrate");
    }
    List<String> ids = preview.instances().stream().map(InstancePreview::id).toList();
    Batch batch = runtimeService.newMigration(plan(sourceId, targetId, extra)).processInstanceIds(ids).executeAsync();
    events.migrationStarted(actor, sourceId, targetId, ids, batch.getId());
    return new Started(batch.getId(), ids.size());
  }

  BatchStatus batch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    if (batch != null) {
      long remaining = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).count();
      long failed = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().count();
      return new BatchStatus(batch.getId(), batch.getType(), batch.getTotalJobs(), remaining, failed, false);
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null) {
      throw new NotFoundException("No batch " + batchId);
    }
    return new BatchStatus(done.getId(), done.getType(), done.getTotalJobs(), 0, 0, done.getEndTime() != null);
  }

  private MigrationPlan plan(String sourceId, String targetId, List<Instruction> extra) {
    definition(sourceId, "sourceDefinitionId");
    definition(targetId, "targetDefinitionId");
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(sourceId, targetId).mapEqualActivities();
    Set<String> explicit = new LinkedHashSet<>();
    for (Instruction instruction : extra == null ? List.<Instruction>of() : extra) {
      if (instruction.source() == null || instruction.target() == null) {
        throw new InvalidInputException("instructions", "each instruction names a source and a target activity");
      }
      explicit.add(instruction.source());
      builder = builder.mapActivities(instruction.source(), instruction.target());
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      String failures =
          e.getValidationReport().getInstructionReports().stream()
              .map(r -> r.getMigrationInstruction().getSourceActivityId() + " -> " + r.getMigrationInstruction().getTargetActivityId() + ": " + r.getFailures())
              .collect(Collectors.joining("; "));
      throw new InvalidInputException("instructions", "the migration plan is not valid: " + failures);
    }
  }

  private ProcessDefinition definition(String id, String field) {
    if (id == null || id.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      throw new InvalidInputException(field, "no process definition " + id);
    }
    return definition;
  }

  private List<ProcessInstance> instances(String sourceId, Collection<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return runtimeService.createProcessInstanceQuery().processDefinitionId(sourceId).list();
    }
    List<ProcessInstance> found =
        runtimeService.createProcessInstanceQuery().processInstanceIds(new LinkedHashSet<>(ids)).list();
    List<String> foreign = found.stream().filter(i -> !i.getProcessDefinitionId().equals(sourceId)).map(ProcessInstance::getId).toList();
    Set<String> foundIds = found.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    List<String> missing = ids.stream().filter(id -> !foundIds.contains(id)).toList();
    if (!missing.isEmpty() || !foreign.isEmpty()) {
      throw new InvalidInputException(
          "processInstanceIds", "not running instances of " + sourceId + ": " + (missing.isEmpty() ? foreign : missing));
    }
    return found;
  }
}
