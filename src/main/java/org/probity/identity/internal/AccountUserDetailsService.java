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
    JdbcUserDirectory.Credentials credentials =
        directory.credentials(username).orElseThrow(() -> new UsernameNotFoundException(username));
    UserAccount account = credentials.account();
    List<SimpleGrantedAuthority> authorities =
        account.roles().stream().map(r -> new SimpleGrantedAuthority(r.id())).toList();
    return User.withUsername(account.username())
        .password(credentials.passwordHash())
        .disabled(!account.enabled())
        .authorities(authorities)
        .build();
  }
}
