package org.probity.tasks.internal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page and its actions (claim, give back); each action returns to the inbox. */
@Controller
class InboxPages {

  private final InboxService inbox;
  private final StartableProcesses startable;

  InboxPages(InboxService inbox, StartableProcesses startable) {
    this.inbox = inbox;
    this.startable = startable;
  }

  @GetMapping("/inbox")
  String inbox(
      Authentication user,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String assignment,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String before,
      Model model) {
    Inbox.Filter filter = new Inbox.Filter(process, due, assignment, sort, dir, parsePage(page), after, before);
    model.addAttribute("filter", filter);
    model.addAttribute("inbox", inbox.inbox(user, filter));
    model.addAttribute("countLimit", InboxService.COUNT_LIMIT);
    model.addAttribute("startable", startable.list(user));
    return "tasks/inbox";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(Authentication user, @PathVariable String id, RedirectAttributes redirect) {
    inbox.claim(user, id);
    redirect.addFlashAttribute("notice", "inbox.claimed");
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(Authentication user, @PathVariable String id, RedirectAttributes redirect) {
    inbox.unclaim(user, id);
    redirect.addFlashAttribute("notice", "inbox.unclaimed");
    return "redirect:/inbox";
  }

  @PostMapping("/tasks/{id}/delegate")
  String delegate(Authentication user, @PathVariable String id, @RequestParam(name = "to", defaultValue = "") String to, RedirectAttributes redirect) {
    inbox.delegate(user, id, to);
    redirect.addFlashAttribute("notice", "inbox.delegated");
    return "redirect:/inbox";
  }

  private static int parsePage(String page) {
    try {
      return Integer.parseInt(page);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

}
