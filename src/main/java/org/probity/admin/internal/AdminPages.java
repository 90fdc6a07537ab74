package org.probity.admin.internal;

import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.probity.admin.ExecutedPaths;
import org.probity.common.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Process administration's pages, for process administrators only (403 for anyone else, by URL
 * too): processes and versions with their diagrams and files, the editor, drafts with their diff
 * and the second administrator's decision, migration, incidents, bulk operations on instances and
 * an instance's executed path. They call the same services as the JSON API.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasAuthority('process-admins')")
class AdminPages {

  /** Most running instances listed on a version's page. */
  private static final int INSTANCES_SHOWN = 200;

  record InstanceRow(String id, String businessKey, boolean suspended) {}

  private final ProcessCatalog catalog;
  private final ChangeControl changeControl;
  private final Migrations migrations;
  private final Operations operations;
  private final DeployedResources resources;
  private final ExecutedPaths paths;
  private final RuntimeService runtimeService;

  AdminPages(
      ProcessCatalog catalog,
      ChangeControl changeControl,
      Migrations migrations,
      Operations operations,
      DeployedResources resources,
      ExecutedPaths paths,
      RuntimeService runtimeService) {
    this.catalog = catalog;
    this.changeControl = changeControl;
    this.migrations = migrations;
    this.operations = operations;
    this.resources = resources;
    this.paths = paths;
    this.runtimeService = runtimeService;
  }

  @GetMapping
  String processes(Model model) {
    model.addAttribute("processes", catalog.processes());
    model.addAttribute("pending", changeControl.list(DraftStore.Status.PENDING).size());
    return "admin/processes";
  }

  @GetMapping("/versions/{id}")
  String version(@PathVariable String id, Model model) {
    ProcessCatalog.Version version = catalog.version(id);
    model.addAttribute("v", version);
    model.addAttribute("key", id.substring(0, id.indexOf(':') < 0 ? id.length() : id.indexOf(':')));
    model.addAttribute("resources", resources.of(version.deploymentId()));
    model.addAttribute(
        "instances",
        runtimeService.createProcessInstanceQuery().processDefinitionId(id).orderByProcessInstanceId().asc().listPage(0, INSTANCES_SHOWN).stream()
            .map(i -> new InstanceRow(i.getId(), i.getBusinessKey(), i.isSuspended()))
            .toList());
    model.addAttribute("incidents", operations.incidents(id, null));
    return "admin/version";
  }

  @GetMapping("/versions/{id}/edit")
  String editor(@PathVariable String id, Model model) {
    model.addAttribute("v", catalog.version(id));
    model.addAttribute("key", id.substring(0, id.indexOf(':') < 0 ? id.length() : id.indexOf(':')));
    return "admin/editor";
  }

  @GetMapping("/instances/{id}")
  String instance(@PathVariable String id, Model model) {
    model.addAttribute("path", paths.of(id));
    return "admin/instance";
  }

  @PostMapping("/instances")
  String instances(
      @RequestParam String action,
      @RequestParam(name = "processInstanceIds", required = false) List<String> ids,
      @RequestParam(required = false) String processDefinitionId,
      @RequestParam(required = false) String reason,
      Authentication user,
      RedirectAttributes redirect) {
    Operations.InstanceAction what =
        switch (action) {
          case "suspend" -> Operations.InstanceAction.SUSPEND;
          case "resume" -> Operations.InstanceAction.RESUME;
          case "cancel" -> Operations.InstanceAction.CANCEL;
          default -> throw new InvalidInputException("action", "suspend, resume or cancel");
        };
    List<String> done =
        operations.apply(user.getName(), what, ids, ids == null || ids.isEmpty() ? processDefinitionId : null, reason);
    redirect.addFlashAttribute("notice", "admin.instances.done." + action);
    redirect.addFlashAttribute("count", done.size());
    return processDefinitionId == null || processDefinitionId.isBlank() ? "redirect:/admin" : "redirect:/admin/versions/" + processDefinitionId;
  }

  // ---- drafts

  @GetMapping("/drafts")
  String drafts(Model model) {
    model.addAttribute("drafts", changeControl.list(null));
    return "admin/drafts";
  }

  @PostMapping("/drafts/upload")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String changeNote,
      Authentication user)
      throws IOException {
    DraftStore.Draft draft =
        changeControl.saveResource(user.getName(), file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), changeNote);
    return "redirect:/admin/drafts/" + draft.id();
  }

  @GetMapping("/drafts/{id}")
  String draft(@PathVariable String id, Model model) {
    DraftStore.Draft draft = changeControl.get(id);
    model.addAttribute("d", draft);
    model.addAttribute("type", AdminApi.resourceType(draft.resourceName()));
    model.addAttribute("diff", changeControl.diff(id));
    return "admin/draft";
  }

  @PostMapping("/drafts/{id}/approve")
  String approve(@PathVariable String id, @RequestParam(required = false) String note, Authentication user, RedirectAttributes redirect) {
    changeControl.approve(id, user.getName(), note == null || note.isBlank() ? null : note.trim());
    redirect.addFlashAttribute("notice", "admin.draft.approved");
    return "redirect:/admin/drafts/" + id;
  }

  @PostMapping("/drafts/{id}/reject")
  String reject(@PathVariable String id, @RequestParam(required = false) String note, Authentication user, RedirectAttributes redirect) {
    changeControl.reject(id, user.getName(), note);
    redirect.addFlashAttribute("notice", "admin.draft.rejected");
    return "redirect:/admin/drafts/" + id;
  }

  // ---- migration

  @GetMapping("/migrations")
  String migrationForm(@RequestParam(required = false) String source, @RequestParam(required = false) String target, Model model) {
    model.addAttribute("processes", catalog.processes());
    model.addAttribute("source", source);
    model.addAttribute("target", target);
    return "admin/migrations";
  }

  @PostMapping("/migrations/preview")
  String preview(@RequestParam(required = false) String source, @RequestParam(required = false) String target, Model model) {
    model.addAttribute("processes", catalog.processes());
    model.addAttribute("source", source);
    model.addAttribute("target", target);
    model.addAttribute("preview", migrations.preview(source, target, null, null));
    return "admin/migrations";
  }

  @PostMapping("/migrations")
  String migrate(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String target,
      Authentication user,
      RedirectAttributes redirect) {
    Migrations.Started started = migrations.execute(user.getName(), source, target, null, null);
    redirect.addFlashAttribute("notice", "admin.migration.started");
    redirect.addFlashAttribute("batch", started);
    return "redirect:/admin/migrations?source=" + enc(source) + "&target=" + enc(target);
  }

  // ---- incidents

  @GetMapping("/incidents")
  String incidents(@RequestParam(required = false) String processDefinitionId, Model model) {
    model.addAttribute("incidents", operations.incidents(blankToNull(processDefinitionId), null));
    model.addAttribute("processDefinitionId", processDefinitionId);
    return "admin/incidents";
  }

  @PostMapping("/incidents/retry")
  String retry(@RequestParam(name = "incidentIds", required = false) List<String> ids, Authentication user, RedirectAttributes redirect) {
    List<String> retried = operations.retry(user.getName(), ids);
    redirect.addFlashAttribute("notice", "admin.incidents.retried");
    redirect.addFlashAttribute("count", retried.size());
    return "redirect:/admin/incidents";
  }

  @PostMapping("/incidents/{id}/retry")
  String retryOne(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
    operations.retry(user.getName(), List.of(id));
    redirect.addFlashAttribute("notice", "admin.incidents.retried");
    redirect.addFlashAttribute("count", 1);
    return "redirect:/admin/incidents";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String enc(String value) {
    return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

}
