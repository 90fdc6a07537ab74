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

  /**
   * A draft against what is deployed now: for BPMN the element-level changes; for DMN and forms
   * the content before and after ({@code before} is null for a new resource).
   */
  record Diff(
      String draftId,
      String processKey,
      String resourceName,
      String resourceType,
      String baseDefinitionId,
      Integer baseVersion,
      ElementDiff.Changes changes,
      String before,
      String after) {}

  /** The kinds of resource under change control, told by the file name's extension. */
  enum ResourceType {
    BPMN(".bpmn"), DMN(".dmn"), FORM(".form");

    final String extension;

    ResourceType(String extension) {
      this.extension = extension;
    }

    static ResourceType of(String resourceName) {
      for (ResourceType type : values()) {
        if (resourceName != null && resourceName.toLowerCase(java.util.Locale.ROOT).endsWith(type.extension)) {
          return type;
        }
      }
      return null;
    }
  }

  /** File names of uploaded resources: a plain name (no path) with one of the three extensions. */
  private static final java.util.regex.Pattern RESOURCE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(bpmn|dmn|form)");

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
    requireNote(changeNote);
    if (bpmnXml == null || bpmnXml.isBlank()) {
      throw new InvalidInputException("bpmn", "is required");
    }
    byte[] content = bpmnXml.getBytes(StandardCharsets.UTF_8);
    List<Violation> violations = rules.validate("draft.bpmn", content);
    if (!violations.isEmpty()) {
      throw new RuleViolationsException(violations);
    }
    String key = processKey(content, "bpmn");
    ProcessDefinition base = latest(key);
    DraftStore.Draft draft = drafts.insert(key, key + ".bpmn", bpmnXml, changeNote.trim(), author, base == null ? null : base.getId());
    events.draftSaved(author, draft.id(), key, draft.changeNote());
    return draft;
  }

  /**
   * An uploaded BPMN, DMN or form: the same rules and the same change control as a BPMN edited in
   * the browser. A DMN or form draft is keyed by its file name and written against the latest
   * deployment holding a resource of that name.
   */
  @Transactional
  DraftStore.Draft saveResource(String author, String fileName, byte[] content, String changeNote) {
    // every fault of the request at once: the note and the file
    Map<String, String> faults = new java.util.LinkedHashMap<>();
    String noteFault = noteFault(changeNote);
    if (noteFault != null) {
      faults.put("changeNote", noteFault);
    }
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    ResourceType type = ResourceType.of(name);
    if (content == null || content.length == 0) {
      faults.put("file", name.isEmpty() ? "choose a .bpmn, .dmn or .form file" : "is empty");
    } else if (type == null || !RESOURCE_NAME.matcher(name).matches()) {
      faults.put("file", "must be a .bpmn, .dmn or .form file with a plain name (letters, digits, '.', '_', '-')");
    }
    if (!faults.isEmpty()) {
      throw InvalidInputException.of(faults);
    }
    List<Violation> violations = rules.validate(name, content);
    if (!violations.isEmpty()) {
      throw new RuleViolationsException("file", violations);
    }
    String text = new String(content, StandardCharsets.UTF_8);
    DraftStore.Draft draft;
    if (type == ResourceType.BPMN) {
      String key = processKey(content, "file");
      ProcessDefinition base = latest(key);
      draft = drafts.insert(key, key + ".bpmn", text, changeNote.trim(), author, base == null ? null : base.getId());
    } else {
      DeployedResource base = latestResource(name);
      draft = drafts.insert(name, name, text, changeNote.trim(), author, base == null ? null : base.deploymentId());
    }
    events.draftSaved(author, draft.id(), draft.processKey(), draft.changeNote());
    return draft;
  }

  private static void requireNote(String changeNote) {
    String fault = noteFault(changeNote);
    if (fault != null) {
      throw new InvalidInputException("changeNote", fault);
    }
  }

  private static String noteFault(String changeNote) {
    if (changeNote == null || changeNote.isBlank()) {
      return "is required: say what changes and why";
    }
    return changeNote.length() > 2000 ? "is longer than 2000 characters" : null;
  }

  private static String processKey(byte[] content, String field) {
    List<Process> executable =
        Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .toList();
    if (executable.size() != 1) {
      throw new InvalidInputException(field, "a draft holds exactly one executable process, not " + executable.size());
    }
    return executable.get(0).getId();
  }

  /** A deployed DMN or form: the deployment and the resource's name in it. */
  record DeployedResource(String deploymentId, String resourceName) {}

  /**
   * The latest deployment holding a resource of this file name (the start-up deployment names
   * resources by their path, e.g. {@code forms/intake.form}).
   */
  DeployedResource latestResource(String fileName) {
    for (org.camunda.bpm.engine.repository.Deployment deployment :
        repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
      for (org.camunda.bpm.engine.repository.Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (resource.getName().equals(fileName) || resource.getName().endsWith("/" + fileName)) {
          return new DeployedResource(deployment.getId(), resource.getName());
        }
      }
    }
    return null;
  }

  private String resourceText(DeployedResource resource) {
    try (InputStream in = repositoryService.getResourceAsStream(resource.deploymentId(), resource.resourceName())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
    ResourceType type = ResourceType.of(draft.resourceName());
    if (type != ResourceType.BPMN) {
      DeployedResource base = draft.status() == DraftStore.Status.DEPLOYED && draft.baseDefinitionId() != null
          ? resourceIn(draft.baseDefinitionId(), draft.resourceName())
          : latestResource(draft.resourceName());
      return new Diff(
          id, draft.processKey(), draft.resourceName(), type.name().toLowerCase(java.util.Locale.ROOT),
          base == null ? null : base.deploymentId(), null, null, base == null ? null : resourceText(base), draft.bpmnXml());
    }
    ProcessDefinition base = draft.status() == DraftStore.Status.DEPLOYED && draft.baseDefinitionId() != null
        ? repositoryService.getProcessDefinition(draft.baseDefinitionId())
        : latest(draft.processKey());
    byte[] before = base == null ? null : xml(base.getId());
    return new Diff(
        id,
        draft.processKey(),
        draft.resourceName(),
        "bpmn",
        base == null ? null : base.getId(),
        base == null ? null : base.getVersion(),
        ElementDiff.between(before, draft.bpmnXml().getBytes(StandardCharsets.UTF_8)),
        null,
        null);
  }

  private DeployedResource resourceIn(String deploymentId, String fileName) {
    return repositoryService.getDeploymentResources(deploymentId).stream()
        .filter(r -> r.getName().equals(fileName) || r.getName().endsWith("/" + fileName))
        .findFirst()
        .map(r -> new DeployedResource(deploymentId, r.getName()))
        .orElse(null);
  }

  @Transactional
  DraftStore.Draft approve(String id, String approver, String note) {
    DraftStore.Draft draft = pending(id);
    if (properties.changeControl().requireSecondApprover() && draft.author().equals(approver)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "The author of a draft cannot approve it: another process administrator must");
    }
    ResourceType type = ResourceType.of(draft.resourceName());
    String currentId;
    if (type == ResourceType.BPMN) {
      ProcessDefinition current = latest(draft.processKey());
      currentId = current == null ? null : current.getId();
    } else {
      DeployedResource current = latestResource(draft.resourceName());
      currentId = current == null ? null : current.deploymentId();
    }
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
    String deployedId =
        switch (type) {
          case BPMN -> deployment.getDeployedProcessDefinitions().get(0).getId();
          case DMN -> deployment.getDeployedDecisionDefinitions() == null || deployment.getDeployedDecisionDefinitions().isEmpty()
              ? null
              : deployment.getDeployedDecisionDefinitions().get(0).getId();
          case FORM -> null;
        };
    drafts.decide(id, approver, "APPROVED", note);
    if (!drafts.markDeployed(id, deployment.getId(), deployedId)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The draft was decided by someone else meanwhile");
    }
    events.draftApproved(approver, id, draft.processKey(), note);
    events.draftDeployed(approver, id, deployedId == null ? draft.resourceName() : deployedId, deployment.getId());
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
