package org.probity.tasks.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.probity.admin.ExecutedPath;
import org.probity.admin.ExecutedPaths;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page, its notes and documents, and case search. Every handler checks entitlement first. */
@Controller
class CasePages {

  private final CaseWorkspace cases;
  private final CaseNotes notes;
  private final CaseDocuments documents;
  private final CaseAuditPoints audit;
  private final ExecutedPaths paths;
  private final RepositoryService repositoryService;

  CasePages(
      CaseWorkspace cases,
      CaseNotes notes,
      CaseDocuments documents,
      CaseAuditPoints audit,
      ExecutedPaths paths,
      RepositoryService repositoryService) {
    this.paths = paths;
    this.repositoryService = repositoryService;
    this.cases = cases;
    this.notes = notes;
    this.documents = documents;
    this.audit = audit;
  }

  @GetMapping("/cases/{key}")
  String casePage(Authentication user, @PathVariable String key, Model model) {
    CaseView view = cases.view(user, key);
    audit.caseRead(user.getName(), key);
    model.addAttribute("c", view);
    return "tasks/case";
  }

  /** The case's executed path on its diagram (one per process instance of the case). */
  @GetMapping("/cases/{key}/path")
  String pathPage(Authentication user, @PathVariable String key, Model model) {
    List<ExecutedPath> executed = cases.readable(user, key).stream().map(i -> paths.of(i.getId())).toList();
    audit.caseRead(user.getName(), key);
    model.addAttribute("key", key);
    model.addAttribute("paths", executed);
    return "tasks/path";
  }

  @GetMapping(value = "/cases/{key}/instances/{id}/path", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ExecutedPath path(Authentication user, @PathVariable String key, @PathVariable String id) {
    return paths.of(instanceOf(user, key, id).getId());
  }

  @GetMapping(value = "/cases/{key}/instances/{id}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  byte[] diagram(Authentication user, @PathVariable String key, @PathVariable String id) throws IOException {
    try (java.io.InputStream in = repositoryService.getProcessModel(instanceOf(user, key, id).getProcessDefinitionId())) {
      return in.readAllBytes();
    }
  }

  /** One of the case's process instances, if the user may read the case; 404 otherwise. */
  private HistoricProcessInstance instanceOf(Authentication user, String key, String id) {
    return cases.readable(user, key).stream()
        .filter(i -> i.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No such process instance in case " + key));
  }

  @PostMapping("/cases/{key}/notes")
  String addNote(Authentication user, @PathVariable String key, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
    cases.readable(user, key);
    notes.add(key, user.getName(), body);
    audit.noteAdded(user.getName(), key);
    redirect.addFlashAttribute("notice", "case.noteAdded");
    return "redirect:/cases/" + key + "#notes";
  }

  @PostMapping("/cases/{key}/documents")
  String upload(Authentication user, @PathVariable String key, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    cases.readable(user, key);
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "choose a file");
    }
    CaseDocuments.Document document = documents.add(key, file.getOriginalFilename(), file.getBytes(), user.getName());
    audit.documentUploaded(user.getName(), key, document.id(), document.sha256());
    redirect.addFlashAttribute("notice", "case.documentAdded");
    return "redirect:/cases/" + key + "#documents";
  }

  @GetMapping("/cases/{key}/documents/{id}")
  ResponseEntity<byte[]> download(Authentication user, @PathVariable String key, @PathVariable String id) {
    cases.readable(user, key);
    CaseDocuments.Document document = documents.find(key, id).orElseThrow(() -> new NotFoundException("No such document"));
    byte[] content = documents.content(id);
    audit.documentDownloaded(user.getName(), key, id, document.sha256());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(document.sha256())))
        .body(content);
  }

  @GetMapping("/cases")
  String search(
      Authentication user,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    CaseWorkspace.Criteria criteria =
        new CaseWorkspace.Criteria(reference, officer, unit, status == null ? "" : status, date(from, "from", false), date(to, "to", true));
    model.addAttribute("criteria", criteria);
    model.addAttribute("fromText", from);
    model.addAttribute("toText", to);
    List<CaseView.Summary> results = List.of();
    if (!criteria.empty()) {
      audit.casesSearched(user.getName(), criteria.toString());
      results = cases.search(user, criteria);
    }
    model.addAttribute("searched", !criteria.empty());
    model.addAttribute("results", results);
    return "tasks/search";
  }

  /** A yyyy-mm-dd date; "to" includes the whole day. */
  private static Date date(String value, String field, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.trim());
      return Date.from((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "a date as yyyy-mm-dd");
    }
  }
}
