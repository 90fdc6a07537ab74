package org.probity.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.probity.admin.Violation;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Change control of process definitions: a change is saved as a draft with a change note, shown as
 * an element-level diff against the deployed version, and deployed as a new version only when a
 * second process administrator approves it ({@code probity.admin.change-control.require-second-approver}).
 *
 * <p>Deployments made here are named {@code probity-admin <key>}, distinct from the start-up
 * auto-deployment of {@code processes/}: the starter only compares {@code processes/} with its own
 * last deployment, so a restart never deploys the baseline over an administrator's version.
 */
@Service
class ChangeControl {

  static final String DEPLOYMENT_SOURCE = "probity-admin";

  record Diff(String draftId, String processKey, String baseDefinitionId, Integer baseVersion, ElementDiff.Changes changes) {}

  private final DraftStore drafts;
  private final DeploymentRules rules;
  private final RepositoryService repositoryService;
  private final AdminProperties properties;
  private final AdminEvents events;

  ChangeControl(DraftStore drafts, DeploymentRules rules, RepositoryService repositoryService, AdminProperties properties, AdminEvents events) {
    this.drafts = drafts;
    this.rules = rules;
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.events = events;
  }

  @Transactional
  DraftStore.Draft save(String author, String bpmnXml, String changeNote) {
    if (changeNote == null || changeNote.isBlank()) {
      throw new InvalidInputException("changeNote", "is required: say what changes and why");
    }
    if (changeNote.length() > 2000) {
      throw new InvalidInputException("changeNote", "is longer than 2000 characters");
    }
    if (bpmnXml == null || bpmnXml.isBlank()) {
      throw new InvalidInputException("bpmn", "is required");
    }
    byte[] content = bpmnXml.getBytes(StandardCharsets.UTF_8);
    List<Violation> violations = rules.validate("draft.bpmn", content);
    if (!violations.isEmpty()) {
      throw new RuleViolationsException(violations);
    }
    List<Process> executable =
        Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .toList();
    if (executable.size() != 1) {
      throw new InvalidInputException("bpmn", "a draft holds exactly one executable process, not " + executable.size());
    }
    String key = executable.get(0).getId();
    ProcessDefinition base = latest(key);
    DraftStore.Draft draft = drafts.insert(key, key + ".bpmn", bpmnXml, changeNote.trim(), author, base == null ? null : base.getId());
    events.draftSaved(author, draft.id(), key, draft.changeNote());
    return draft;
  }

  DraftStore.Draft get(String id) {
    return drafts.find(id).orElseThrow(() -> new NotFoundException("No draft " + id));
  }

  List<DraftStore.Draft> list(DraftStore.Status status) {
    return drafts.list(status);
  }

  /** The draft against the version deployed now (all elements added for a new process). */
  Diff diff(String id) {
    DraftStore.Draft draft = get(id);
    ProcessDefinition base = draft.status() == DraftStore.Status.DEPLOYED && draft.baseDefinitionId() != null
        ? repositoryService.getProcessDefinition(draft.baseDefinitionId())
        : latest(draft.processKey());
    byte[] before = base == null ? null : xml(base.getId());
    return new Diff(
        id,
        draft.processKey(),
        base == null ? null : base.getId(),
        base == null ? null : base.getVersion(),
        ElementDiff.between(before, draft.bpmnXml().getBytes(StandardCharsets.UTF_8)));
  }

  @Transactional
  DraftStore.Draft approve(String id, String approver, String note) {
    DraftStore.Draft draft = pending(id);
    if (properties.changeControl().requireSecondApprover() && draft.author().equals(approver)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "The author of a draft cannot approve it: another process administrator must");
    }
    ProcessDefinition current = latest(draft.processKey());
    String currentId = current == null ? null : current.getId();
    if (!java.util.Objects.equals(currentId, draft.baseDefinitionId())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "A newer version of " + draft.processKey() + " was deployed after this draft was written; save a new draft");
    }
    DeploymentWithDefinitions deployment;
    try {
      deployment =
          repositoryService
              .createDeployment()
              .name(DEPLOYMENT_SOURCE + " " + draft.processKey())
              .source(DEPLOYMENT_SOURCE)
              .addString(draft.resourceName(), draft.bpmnXml())
              .deployWithResult();
    } catch (ParseException e) {
      throw new RuleViolationsException(violations(e));
    }
    ProcessDefinition deployed = deployment.getDeployedProcessDefinitions().get(0);
    drafts.decide(id, approver, "APPROVED", note);
    if (!drafts.markDeployed(id, deployment.getId(), deployed.getId())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The draft was decided by someone else meanwhile");
    }
    events.draftApproved(approver, id, draft.processKey(), note);
    events.draftDeployed(approver, id, deployed.getId(), deployment.getId());
    return get(id);
  }

  @Transactional
  DraftStore.Draft reject(String id, String decidedBy, String note) {
    if (note == null || note.isBlank()) {
      throw new InvalidInputException("note", "is required: say why the draft is rejected");
    }
    DraftStore.Draft draft = pending(id);
    drafts.decide(id, decidedBy, "REJECTED", note.trim());
    if (!drafts.markRejected(id)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The draft was decided by someone else meanwhile");
    }
    events.draftRejected(decidedBy, id, draft.processKey(), note.trim());
    return get(id);
  }

  private DraftStore.Draft pending(String id) {
    DraftStore.Draft draft = get(id);
    if (draft.status() != DraftStore.Status.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The draft is already " + draft.status().name().toLowerCase());
    }
    return draft;
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  byte[] xml(String definitionId) {
    try (InputStream in = repositoryService.getProcessModel(definitionId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Violation> violations(ParseException e) {
    List<Violation> violations = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem problem : report.getErrors()) {
        violations.add(new Violation(report.getResourceName(), problem.getMainElementId(), "parse", problem.getMessage()));
      }
    }
    if (violations.isEmpty()) {
      violations.add(new Violation(null, null, "parse", e.getMessage()));
    }
    return violations;
  }

  static Map<String, String> noFields() {
    return Map.of();
  }
}
