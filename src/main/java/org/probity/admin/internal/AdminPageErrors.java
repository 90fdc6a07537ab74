package org.probity.admin.internal;

import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import jakarta.servlet.http.HttpServletResponse;

/** Errors of the admin pages as plain pages: 400 naming the field or the rule (and element), 404, 403, 409. */
@ControllerAdvice(assignableTypes = AdminPages.class)
class AdminPageErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("status", 404);
    model.addAttribute("problem", "problem.notFound");
    return "admin/problem";
  }

  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalid(InvalidInputException e, Model model) {
    model.addAttribute("status", 400);
    model.addAttribute("problem", "problem.invalid");
    model.addAttribute("fields", e.fieldErrors());
    return "admin/problem";
  }

  @ExceptionHandler(RuleViolationsException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String violations(RuleViolationsException e, Model model) {
    model.addAttribute("status", 400);
    model.addAttribute("problem", "admin.violations.title");
    model.addAttribute("violations", e.violations());
    return "admin/problem";
  }

  /** The author approving their own draft (403), a draft already decided or outdated (409). */
  @ExceptionHandler(ResponseStatusException.class)
  String status(ResponseStatusException e, Model model, HttpServletResponse response) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("status", e.getStatusCode().value());
    model.addAttribute("problem", e.getStatusCode().value() == 403 ? "problem.forbidden" : "admin.conflict");
    model.addAttribute("reason", e.getReason());
    return "admin/problem";
  }
}
