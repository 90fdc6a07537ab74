package org.probity.complaint.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probity.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public portal's plain HTML pages (no login, no script, usable on a phone): file a complaint,
 * check its status with the receipt code, appeal. The receipt code travels only in POST bodies,
 * never in a URL. Forms carry Spring's CSRF token.
 */
@Controller
class PortalPages {

  private final ComplaintIntake intake;
  private final ComplaintService complaints;
  private final ComplaintViews views;
  private final ComplaintAppeals appeals;
  private final ComplaintProperties properties;

  PortalPages(
      ComplaintIntake intake, ComplaintService complaints, ComplaintViews views, ComplaintAppeals appeals, ComplaintProperties properties) {
    this.intake = intake;
    this.complaints = complaints;
    this.views = views;
    this.appeals = appeals;
    this.properties = properties;
  }

  @GetMapping("/portal")
  String index() {
    return "portal/index";
  }

  @GetMapping("/portal/complaint")
  String form(Model model) {
    return form(model, Map.of(), Map.of());
  }

  @PostMapping("/portal/complaint")
  String file(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    Map<String, Object> values = new LinkedHashMap<>(params);
    values.remove("_csrf");
    try {
      ComplaintIntake.Started started = intake.fromPortal(values);
      model.addAttribute("reference", started.reference());
      model.addAttribute("receipt", started.receipt());
      return "portal/filed";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      return form(model, params, e.fieldErrors());
    }
  }

  @PostMapping("/portal/status")
  String status(@RequestParam(defaultValue = "") String receipt, Model model, HttpServletResponse response) {
    return statusPage(receipt, model, response, null);
  }

  @PostMapping("/portal/appeal")
  String appeal(
      @RequestParam(defaultValue = "") String receipt, @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
    Optional<String> reference = complaints.referenceByReceipt(receipt);
    if (reference.isPresent()) {
      try {
        appeals.lodge(reference.get(), "portal", null, ComplaintAppeals.reason(Map.of("reason", reason)));
        return statusPage(receipt, model, response, "portal.appeal.lodged");
      } catch (InvalidInputException e) {
        response.setStatus(400);
        model.addAttribute("appealError", e.fieldErrors().getOrDefault("reason", e.getMessage()));
      } catch (ResponseStatusException e) {
        response.setStatus(409);
        model.addAttribute("appealError", e.getReason());
      }
    }
    return statusPage(receipt, model, response, null);
  }

  private String statusPage(String receipt, Model model, HttpServletResponse response, String message) {
    Optional<String> reference = complaints.referenceByReceipt(receipt);
    if (reference.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("unknownReceipt", true);
      return "portal/index";
    }
    model.addAttribute("receipt", ReceiptCodes.normalise(receipt).orElseThrow());
    model.addAttribute("complaint", views.forPublic(complaints.caseOf(reference.get()), appeals.windowOpen(reference.get())));
    model.addAttribute("message", message);
    return "portal/status";
  }

  private String form(Model model, Map<String, ?> values, Map<String, String> errors) {
    List<FormSchema.Field> fields =
        IntakeRules.INTAKE_FORM.fields().values().stream().filter(f -> !ComplaintIntake.PORTAL_EXCLUDED.contains(f.key())).toList();
    Map<String, List<String>> options = new LinkedHashMap<>();
    fields.forEach(f -> options.put(f.key(), f.values()));
    IntakeRules.GROUP_FIELDS.forEach((key, dimension) -> options.put(key, properties.groupValues(dimension)));
    model.addAttribute("fields", fields);
    model.addAttribute("options", options);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    return "portal/complaint";
  }
}
