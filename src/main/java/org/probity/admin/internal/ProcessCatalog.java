package org.probity.admin.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.probity.common.NotFoundException;
import org.springframework.stereotype.Service;

/** Every process definition with its versions, and per version its instances and open incidents. */
@Service
class ProcessCatalog {

  record Version(
      String id,
      int version,
      String name,
      String deploymentId,
      String deploymentName,
      Date deployedAt,
      boolean suspended,
      long running,
      long finished,
      long openIncidents) {}

  record ProcessSummary(String key, String name, int latestVersion, List<Version> versions) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  ProcessCatalog(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  List<ProcessSummary> processes() {
    Map<String, List<Version>> byKey = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    List<ProcessDefinition> definitions =
        repositoryService.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
    for (ProcessDefinition definition : definitions) {
      byKey.computeIfAbsent(definition.getKey(), k -> new java.util.ArrayList<>()).add(version(definition));
      names.putIfAbsent(definition.getKey(), definition.getName());
    }
    return byKey.entrySet().stream()
        .map(e -> new ProcessSummary(e.getKey(), names.get(e.getKey()), e.getValue().get(0).version(), e.getValue()))
        .toList();
  }

  Version version(String definitionId) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    if (definition == null) {
      throw new NotFoundException("No process definition " + definitionId);
    }
    return version(definition);
  }

  private Version version(ProcessDefinition definition) {
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return new Version(
        definition.getId(),
        definition.getVersion(),
        definition.getName(),
        definition.getDeploymentId(),
        deployment == null ? null : deployment.getName(),
        deployment == null ? null : deployment.getDeploymentTime(),
        definition.isSuspended(),
        runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
        historyService.createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).finished().count(),
        runtimeService.createIncidentQuery().processDefinitionId(definition.getId()).count());
  }
}
