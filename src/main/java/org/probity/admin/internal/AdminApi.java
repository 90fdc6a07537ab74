package org.probity.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.probity.admin.Violation;
import org.probity.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process administration's JSON API, for process administrators only (403 for everyone else, on
 * every path): process definitions and versions, validation, change control, migration, incidents
 * and bulk operations on instances.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasAuthority('process-admins')")
class AdminApi {

  record ValidationResult(boolean valid, List<Violation> violations) {}

  record ViolationsAnswer(int status, String error, String message, Map<String, String> fields, List<Violation> violations) {}

  record DraftRequest(String bpmn, String changeNote) {}

  record DecisionRequest(String note) {}

  record MigrationRequest(
      String sourceDefinitionId, String targetDefinitionId, List<Migrations.Instruction> instructions, List<String> processInstanceIds) {}

  record RetryRequest(List<String> incidentIds) {}

  record InstancesRequest(List<String> processInstanceIds, String processDefinitionId, String reason) {}

  record InstancesDone(String action, List<String> processInstanceIds, String reason) {}

  record DraftView(
      String id,
      String processKey,
      String resourceName,
      String resourceType,
      String changeNote,
      String author,
      java.time.Instant createdAt,
      String baseDefinitionId,
      String status,
      String deploymentId,
      String deployedDefinitionId,
      List<DraftStore.Decision> decisions) {
    static DraftView of(DraftStore.Draft d) {
      return new DraftView(
          d.id(), d.processKey(), d.resourceName(), AdminApi.resourceType(d.resourceName()), d.changeNote(), d.author(), d.createdAt(), d.baseDefinitionId(), d.status().name(), d.deploymentId(),
          d.deployedDefinitionId(), d.decisions());
    }
  }

  static String resourceType(String resourceName) {
    ChangeControl.ResourceType type = ChangeControl.ResourceType.of(resourceName);
    return type == null ? null : type.name().toLowerCase(java.util.Locale.ROOT);
  }

  private final ProcessCatalog catalog;
  private final DeploymentRules rules;
  private final ChangeControl changeControl;
  private final Migrations migrations;
  private final Operations operations;
  private final AdminProperties properties;
  private final DeployedResources resources;
  private final org.probity.admin.ExecutedPaths paths;

  AdminApi(
      ProcessCatalog catalog,
      DeploymentRules rules,
      ChangeControl changeControl,
      Migrations migrations,
      Operations operations,
      AdminProperties properties,
      DeployedResources resources,
      org.probity.admin.ExecutedPaths paths) {
    this.resources = resources;
    this.paths = paths;
    this.catalog = catalog;
    this.rules = rules;
    this.changeControl = changeControl;
    this.migrations = migrations;
    this.operations = operations;
    this.properties = properties;
  }

  // ---- processes

  @GetMapping("/processes")
  List<ProcessCatalog.ProcessSummary> processes() {
    return catalog.processes();
  }

  @GetMapping("/process-definitions/{id}")
  ProcessCatalog.Version definition(@PathVariable String id) {
    return catalog.version(id);
  }

  @GetMapping(value = "/process-definitions/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  byte[] definitionXml(@PathVariable String id) {
    catalog.version(id);
    return changeControl.xml(id);
  }

  /** The resources deployed with a version (its BPMN and any DMN or form deployed with it). */
  @GetMapping("/process-definitions/{id}/resources")
  List<DeployedResources.Item> definitionResources(@PathVariable String id) {
    return resources.of(catalog.version(id).deploymentId());
  }

  @GetMapping("/deployments/{deploymentId}/resources/{resourceId}")
  ResponseEntity<byte[]> download(@PathVariable String deploymentId, @PathVariable String resourceId) {
    return resources.download(deploymentId, resourceId);
  }

  /** A process instance's executed path (completed activities, taken flows, current activities). */
  @GetMapping("/instances/{id}/path")
  org.probity.admin.ExecutedPath path(@PathVariable String id) {
    return paths.of(id);
  }

  // ---- validation

  /** The body is the file itself (BPMN, DMN or form); {@code name} says which kind by its extension. */
  @PostMapping("/validate")
  ValidationResult validate(HttpServletRequest request, @RequestParam(defaultValue = "process.bpmn") String name) throws IOException {
    long max = properties.validation().maxResourceSize().toBytes();
    byte[] content;
    try (InputStream in = request.getInputStream()) {
      // one byte more than allowed is enough to know that it is too large
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max + 1));
    }
    if (content.length == 0) {
      throw new InvalidInputException("body", "send the file to validate as the request body");
    }
    List<Violation> violations = rules.validate(name, content);
    return new ValidationResult(violations.isEmpty(), violations);
  }

  // ---- change control

  @PostMapping("/drafts")
  @ResponseStatus(HttpStatus.CREATED)
  DraftView saveDraft(@RequestBody DraftRequest request, Authentication user) {
    return DraftView.of(changeControl.save(user.getName(), request.bpmn(), request.changeNote()));
  }

  /** A BPMN, DMN or form file uploaded as a draft: same rules, same change control. */
  @PostMapping(value = "/drafts/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DraftView uploadDraft(
      @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
      @RequestParam(name = "changeNote", required = false) String changeNote,
      Authentication user)
      throws IOException {
    return DraftView.of(
        changeControl.saveResource(user.getName(), file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), changeNote));
  }

  @GetMapping("/drafts")
  List<DraftView> drafts(@RequestParam(required = false) DraftStore.Status status) {
    return changeControl.list(status).stream().map(DraftView::of).toList();
  }

  @GetMapping("/drafts/{id}")
  DraftView draft(@PathVariable String id) {
    return DraftView.of(changeControl.get(id));
  }

  @GetMapping(value = "/drafts/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  String draftXml(@PathVariable String id) {
    return changeControl.get(id).bpmnXml();
  }

  /** The draft's file (BPMN, DMN or form) as a download under its resource name. */
  @GetMapping("/drafts/{id}/content")
  ResponseEntity<byte[]> draftContent(@PathVariable String id) {
    DraftStore.Draft draft = changeControl.get(id);
    return DeployedResources.attachment(draft.resourceName(), draft.bpmnXml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @GetMapping("/drafts/{id}/diff")
  ChangeControl.Diff diff(@PathVariable String id) {
    return changeControl.diff(id);
  }

  @PostMapping("/drafts/{id}/approve")
  DraftView approve(@PathVariable String id, @RequestBody(required = false) DecisionRequest request, Authentication user) {
    return DraftView.of(changeControl.approve(id, user.getName(), request == null ? null : request.note()));
  }

  @PostMapping("/drafts/{id}/reject")
  DraftView reject(@PathVariable String id, @RequestBody(required = false) DecisionRequest request, Authentication user) {
    return DraftView.of(changeControl.reject(id, user.getName(), request == null ? null : request.note()));
  }

  // ---- migration

  @PostMapping("/migrations/preview")
  Migrations.Preview previewMigration(@RequestBody MigrationRequest request) {
    return migrations.preview(request.sourceDefinitionId(), request.targetDefinitionId(), request.instructions(), request.processInstanceIds());
  }

  @PostMapping("/migrations")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Migrations.Started migrate(@RequestBody MigrationRequest request, Authentication user) {
    return migrations.execute(
        user.getName(), request.sourceDefinitionId(), request.targetDefinitionId(), request.instructions(), request.processInstanceIds());
  }

  @GetMapping("/batches/{id}")
  Migrations.BatchStatus batch(@PathVariable String id) {
    return migrations.batch(id);
  }

  // ---- incidents and instances

  @GetMapping("/incidents")
  List<Operations.IncidentView> incidents(
      @RequestParam(required = false) String processDefinitionId, @RequestParam(required = false) String processInstanceId) {
    return operations.incidents(processDefinitionId, processInstanceId);
  }

  @PostMapping("/incidents/{id}/retry")
  Map<String, List<String>> retry(@PathVariable String id, Authentication user) {
    return Map.of("retried", operations.retry(user.getName(), List.of(id)));
  }

  @PostMapping("/incidents/retry")
  Map<String, List<String>> retryAll(@RequestBody RetryRequest request, Authentication user) {
    return Map.of("retried", operations.retry(user.getName(), request.incidentIds()));
  }

  @PostMapping("/instances/{action}")
  InstancesDone instances(@PathVariable String action, @RequestBody InstancesRequest request, Authentication user) {
    Operations.InstanceAction what =
        switch (action) {
          case "suspend" -> Operations.InstanceAction.SUSPEND;
          case "resume" -> Operations.InstanceAction.RESUME;
          case "cancel" -> Operations.InstanceAction.CANCEL;
          default -> throw new org.probity.common.NotFoundException("No instance action " + action);
        };
    List<String> ids = operations.apply(user.getName(), what, request.processInstanceIds(), request.processDefinitionId(), request.reason());
    return new InstancesDone(action, ids, request.reason().trim());
  }

  @ExceptionHandler(RuleViolationsException.class)
  ResponseEntity<ViolationsAnswer> violations(RuleViolationsException e) {
    return ResponseEntity.badRequest()
        .body(new ViolationsAnswer(400, "Bad Request", "The file breaks Probity's rules", Map.of(e.field(), e.getMessage()), e.violations()));
  }
}
