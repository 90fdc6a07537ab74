package org.probity.identity;

import java.util.Set;

/**
 * A person who logs in to Probity. {@code unit} is the organisational unit the official comes
 * from (used, for example, to keep an investigator away from complaints against their own unit).
 */
public record UserAccount(
    String username, String displayName, String email, String unit, boolean enabled, Set<Role> roles) {

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
