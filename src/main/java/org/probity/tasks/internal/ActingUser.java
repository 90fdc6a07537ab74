package org.probity.tasks.internal;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.probity.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the logged-in user: Camunda then applies its own authorization (task
 * queries return only what the user may read, completion needs TASK_WORK) and records the user in
 * its history and operation log. The authentication is cleared in all cases, since it is a
 * thread-local of the engine and request threads are reused.
 */
@Component
class ActingUser {

  private final IdentityService identityService;

  ActingUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  <T> T call(Authentication user, Supplier<T> work) {
    identityService.setAuthentication(user.getName(), groups(user));
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  void run(Authentication user, Runnable work) {
    call(
        user,
        () -> {
          work.run();
          return null;
        });
  }

  /** The user's Camunda groups: the authorities that are Probity roles. */
  static List<String> groups(Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> Role.byId(a).isPresent())
        .toList();
  }

  static boolean hasAnyRole(Authentication user, Role... roles) {
    List<String> groups = groups(user);
    for (Role role : roles) {
      if (groups.contains(role.id())) {
        return true;
      }
    }
    return false;
  }
}
