package org.probity.export.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.probity.audit.AuditAction;
import org.probity.audit.AuditHead;
import org.probity.audit.AuditTrail;
import org.probity.common.InvalidInputException;
import org.probity.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/exports/{cases,tasks,audit-trail}.xlsx?from=&to=[&process=][&reason=]}: auditors
 * and process administrators. {@code reason} asks for a full export (personal data in clear):
 * auditors only. Every export is recorded in the audit trail before it is written.
 */
@RestController
@RequestMapping("/api/exports")
@PreAuthorize("hasAnyAuthority('auditors', 'process-admins')")
class ExportApi {

  private static final Logger log = LoggerFactory.getLogger(ExportApi.class);
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ExportService exports;
  private final AuditTrail trail;
  private final RepositoryService repositoryService;
  private final int maxRangeDays;

  ExportApi(
      ExportService exports,
      AuditTrail trail,
      RepositoryService repositoryService,
      @Value("${probity.export.max-range-days:366}") int maxRangeDays) {
    this.exports = exports;
    this.trail = trail;
    this.repositoryService = repositoryService;
    this.maxRangeDays = maxRangeDays;
  }

  @GetMapping("/cases.xlsx")
  void cases(@RequestParam Map<String, String> params, Authentication user, HttpServletResponse response) throws IOException {
    export(ExportKind.CASES, params, user, response);
  }

  @GetMapping("/tasks.xlsx")
  void tasks(@RequestParam Map<String, String> params, Authentication user, HttpServletResponse response) throws IOException {
    export(ExportKind.TASKS, params, user, response);
  }

  @GetMapping("/audit-trail.xlsx")
  void auditTrail(@RequestParam Map<String, String> params, Authentication user, HttpServletResponse response)
      throws IOException {
    export(ExportKind.AUDIT_TRAIL, params, user, response);
  }

  private void export(ExportKind kind, Map<String, String> params, Authentication user, HttpServletResponse response)
      throws IOException {
    ExportRequest request = validated(kind, params, user);
    if (request.full() && !hasRole(user, Role.AUDITORS)) {
      throw new AccessDeniedException("Only auditors may export personal data in clear");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("export", kind.file() + ".xlsx");
    details.put("from", request.from().toString());
    details.put("to", request.to().toString());
    details.put("process", request.process());
    if (request.full()) {
      details.put("reason", request.reason());
    }
    trail.record(request.full() ? AuditAction.EXPORT_FULL : AuditAction.EXPORT, kind.file() + ".xlsx", details);
    AuditHead head = trail.head();

    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"probity-" + kind.file() + "-" + request.from() + "-" + request.to() + ".xlsx\"");
    response.setHeader("Cache-Control", "no-store");
    try {
      exports.write(request, head, response.getOutputStream());
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away: the workbook and its temporary files are already disposed of
      log.info("Export {} by {} stopped: the client disconnected ({})", kind.file(), user.getName(), e.toString());
    }
  }

  private ExportRequest validated(ExportKind kind, Map<String, String> params, Authentication user) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate from = date(params.get("from"), "from", errors);
    LocalDate to = date(params.get("to"), "to", errors);
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        errors.put("to", "must not be before 'from'");
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > maxRangeDays) {
        errors.put("to", "the range may span at most " + maxRangeDays + " days");
      }
    }
    String process = blankToNull(params.get("process"));
    if (process != null && !knownProcess(process)) {
      errors.put("process", "is not a known process definition key");
    }
    String reason = blankToNull(params.get("reason"));
    if (reason != null && (reason.length() < 10 || reason.length() > 500)) {
      errors.put("reason", "must be 10 to 500 characters (why personal data is needed in clear)");
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    String roles =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> Role.byId(a).isPresent())
            .sorted()
            .collect(Collectors.joining(", "));
    return new ExportRequest(kind, from, to, process, reason, user.getName(), roles);
  }

  private boolean knownProcess(String key) {
    return key.length() <= 255
        && (exports.contributedProcessKeys().contains(key)
            || repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
  }

  private static LocalDate date(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, "is required (an ISO date, e.g. 2026-01-31)");
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.put(field, "is not an ISO date (e.g. 2026-01-31)");
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static boolean hasRole(Authentication user, Role role) {
    return user.getAuthorities().stream().anyMatch(a -> role.id().equals(a.getAuthority()));
  }
}
