package org.probity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Start-up accounts, against a real (fresh, in-memory H2) database migrated by Flyway: demo accounts
 * on the embedded default; elsewhere a first administrator from the environment or no start at all.
 * The refusal of demo accounts on MySQL runs in the MySQL suite.
 */
class AccountBootstrapTest {

  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  DataSource dataSource;
  JdbcUserDirectory directory;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource = h2;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    directory = new JdbcUserDirectory(new JdbcTemplate(dataSource));
  }

  @Test
  void demoAccountsCoverEveryRoleWithPasswordDemo() {
    bootstrap(true, null, null).afterPropertiesSet();

    assertThat(directory.findAll()).hasSize(16);
    for (Role role : Role.values()) {
      assertThat(directory.membersOf(role)).as(role.id()).isNotEmpty();
    }
    assertThat(directory.membersOf(Role.VETTING_PANEL)).extracting(UserAccount::username).containsExactly("panel1", "panel2", "panel3");
    assertThat(directory.findByUsername("chair").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.COMMITTEE_CHAIR, Role.OVERSIGHT_COMMITTEE);
    UserAccount investigator = directory.findByUsername("investigator").orElseThrow();
    UserAccount investigator2 = directory.findByUsername("investigator2").orElseThrow();
    assertThat(investigator.unit()).isNotBlank().isNotEqualTo(investigator2.unit());
    // one statement for authentication: the same account, with every role, and its hash
    JdbcUserDirectory.Credentials chair = directory.credentials("chair").orElseThrow();
    assertThat(chair.account()).isEqualTo(directory.findByUsername("chair").orElseThrow());
    assertThat(chair.account().roles()).hasSize(2);
    assertThat(directory.credentials("nobody")).isEmpty();
    String hash = directory.credentials("auditor").orElseThrow().passwordHash();
    assertThat(hash).startsWith("{bcrypt}$2");
    assertThat(encoder.matches("demo", hash)).isTrue();
  }

  @Test
  void demoAccountsAreCreatedOnceAndSurviveARestart() {
    bootstrap(true, null, null).afterPropertiesSet();
    bootstrap(true, null, null).afterPropertiesSet();
    assertThat(directory.findAll()).hasSize(16);
  }

  @Test
  void theFirstAdministratorComesFromTheEnvironment() {
    bootstrap(false, "root-admin", "a-long-and-secret-passphrase").afterPropertiesSet();

    assertThat(directory.findAll()).extracting(UserAccount::username).containsExactly("root-admin");
    assertThat(directory.findByUsername("root-admin").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.PROCESS_ADMINS, Role.CAMUNDA_ADMIN);
    assertThat(encoder.matches("a-long-and-secret-passphrase", directory.credentials("root-admin").orElseThrow().passwordHash())).isTrue();
  }

  @Test
  void anExistingAdministratorIsNeverOverwrittenFromTheEnvironment() {
    bootstrap(false, "root-admin", "a-long-and-secret-passphrase").afterPropertiesSet();
    bootstrap(false, "root-admin", "another-long-passphrase").afterPropertiesSet();
    assertThat(encoder.matches("a-long-and-secret-passphrase", directory.credentials("root-admin").orElseThrow().passwordHash())).isTrue();
  }

  @Test
  void startIsRefusedWithoutAGoodAdministratorPassword() {
    assertThatThrownBy(() -> bootstrap(false, "root-admin", null).afterPropertiesSet())
        .hasMessageContaining("PROBITY_ADMIN_PASSWORD is missing");
    assertThatThrownBy(() -> bootstrap(false, "root-admin", " ").afterPropertiesSet())
        .hasMessageContaining("PROBITY_ADMIN_PASSWORD is missing");
    assertThatThrownBy(() -> bootstrap(false, "root-admin", "demo").afterPropertiesSet())
        .hasMessageContaining("must not be 'demo'");
    assertThatThrownBy(() -> bootstrap(false, "root-admin", "short").afterPropertiesSet())
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> bootstrap(false, null, "a-long-and-secret-passphrase").afterPropertiesSet())
        .hasMessageContaining("PROBITY_ADMIN_USERNAME is missing");
    assertThat(directory.findAll()).isEmpty();
  }

  AccountBootstrap bootstrap(boolean demoUsers, String adminUser, String adminPassword) {
    return bootstrap(dataSource, directory, demoUsers, adminUser, adminPassword);
  }

  static AccountBootstrap bootstrap(
      DataSource dataSource, JdbcUserDirectory directory, boolean demoUsers, String adminUser, String adminPassword) {
    IdentityProperties properties =
        new IdentityProperties(demoUsers, new IdentityProperties.Administrator(adminUser, adminPassword, null, null));
    return new AccountBootstrap(properties, directory, PasswordEncoderFactories.createDelegatingPasswordEncoder(), dataSource);
  }
}
