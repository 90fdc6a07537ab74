package org.probity.identity.internal;

import java.security.Principal;
import java.util.List;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/whoami}: the caller's account and roles (no password data). */
@RestController
class AccountApi {

  record Me(String username, String displayName, String unit, List<String> roles) {}

  private final UserDirectory directory;

  AccountApi(UserDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/whoami")
  Me whoami(Principal principal) {
    UserAccount account =
        directory
            .findByUsername(principal.getName())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown account"));
    return new Me(
        account.username(),
        account.displayName(),
        account.unit(),
        account.roles().stream().map(Role::id).sorted().toList());
  }
}
