package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.probity.identity.Role;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;

/** On MySQL there are no demo accounts, only the administrator from the environment. */
@MySqlTest
class MySqlAccountBootstrapTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcUserDirectory directory;

  @Test
  void demoAccountsAreRefusedOutsideTheEmbeddedDatabase() {
    assertThatThrownBy(() -> AccountBootstrapTest.bootstrap(dataSource, directory, true, null, null).afterPropertiesSet())
        .hasMessageContaining("only allowed on the embedded H2 database");
    assertThat(directory.findByUsername("investigator")).isEmpty();
  }

  @Test
  void theAdministratorFromTheEnvironmentExistsAndNoDemoAccount() {
    String admin = System.getenv("PROBITY_ADMIN_USERNAME");
    assertThat(directory.findByUsername(admin)).hasValueSatisfying(a -> assertThat(a.roles()).contains(Role.PROCESS_ADMINS));
    assertThat(directory.findAll()).extracting(a -> a.username()).doesNotContain("admin", "intake", "auditor");
  }

  @Test
  void startIsRefusedWithoutAGoodAdministratorPassword() {
    assertThatThrownBy(() -> AccountBootstrapTest.bootstrap(dataSource, directory, false, "someone", "demo").afterPropertiesSet())
        .hasMessageContaining("must not be 'demo'");
    assertThatThrownBy(() -> AccountBootstrapTest.bootstrap(dataSource, directory, false, "someone", null).afterPropertiesSet())
        .hasMessageContaining("missing");
    assertThat(directory.findByUsername("someone")).isEmpty();
  }
}
