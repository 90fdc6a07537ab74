package org.probity.identity;

import java.util.List;
import java.util.Optional;

/** Read access to Probity's user accounts: the single source of truth for people and their roles. */
public interface UserDirectory {

  Optional<UserAccount> findByUsername(String username);

  /** Enabled members of a role, ordered by username. */
  List<UserAccount> membersOf(Role role);

  /** All accounts, ordered by username. */
  List<UserAccount> findAll();
}
