package org.probity.identity.internal;

import java.util.List;
import org.probity.identity.UserAccount;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of Probity's accounts: the authorities are the role (group) ids. */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final JdbcUserDirectory directory;

  AccountUserDetailsService(JdbcUserDirectory directory) {
    this.directory = directory;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount account =
        directory.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
    String hash = directory.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
    List<SimpleGrantedAuthority> authorities =
        account.roles().stream().map(r -> new SimpleGrantedAuthority(r.id())).toList();
    return User.withUsername(account.username())
        .password(hash)
        .disabled(!account.enabled())
        .authorities(authorities)
        .build();
  }
}
