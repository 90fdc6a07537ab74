package org.probity.identity.internal;

import java.security.Principal;
import org.probity.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the landing page (who am I, what may I open). */
@Controller
class AccountPages {

  private final UserDirectory directory;

  AccountPages(UserDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Principal principal, Model model) {
    directory.findByUsername(principal.getName()).ifPresent(account -> model.addAttribute("account", account));
    return "home";
  }
}
