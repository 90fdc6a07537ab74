package org.probity.tasks.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors of the task and case pages as plain pages: 400 naming the field, 403, 404; never a trace. */
@ControllerAdvice(assignableTypes = {InboxPages.class, TaskPages.class, CasePages.class})
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("status", 404);
    model.addAttribute("problem", "problem.notFound");
    return "tasks/problem";
  }

  @ExceptionHandler(AuthorizationException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(Model model) {
    model.addAttribute("status", 403);
    model.addAttribute("problem", "problem.forbidden");
    return "tasks/problem";
  }

  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalid(InvalidInputException e, Model model) {
    model.addAttribute("status", 400);
    model.addAttribute("problem", "problem.invalid");
    model.addAttribute("fields", e.fieldErrors());
    return "tasks/problem";
  }
}
