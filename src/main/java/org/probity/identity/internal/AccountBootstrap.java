package org.probity.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the accounts an installation starts with. On the embedded H2 default: the demo accounts,
 * all with password {@code demo}. Anywhere else: the first administrator from the environment;
 * start-up is refused when that password is missing, is {@code demo}, or is shorter than 12
 * characters, and demo accounts are refused outright.
 */
@Component
class AccountBootstrap implements InitializingBean {

  static final String DEMO_PASSWORD = "demo";
  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

  private final IdentityProperties properties;
  private final JdbcUserDirectory directory;
  private final PasswordEncoder passwordEncoder;
  private final DataSource dataSource;

  AccountBootstrap(
      IdentityProperties properties, JdbcUserDirectory directory, PasswordEncoder passwordEncoder, DataSource dataSource) {
    this.properties = properties;
    this.directory = directory;
    this.passwordEncoder = passwordEncoder;
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    if (properties.demoUsers()) {
      if (!isEmbeddedH2()) {
        throw new IllegalStateException(
            "Demo accounts (password 'demo') are only allowed on the embedded H2 database: "
                + "set probity.identity.demo-users=false and PROBITY_ADMIN_USERNAME/PROBITY_ADMIN_PASSWORD");
      }
      createDemoUsers();
    } else {
      createFirstAdministrator();
    }
  }

  private void createDemoUsers() {
    // one hash for all: bcrypt is slow on purpose, and the demo password is public anyway
    String hash = passwordEncoder.encode(DEMO_PASSWORD);
    int created = 0;
    for (UserAccount account : demoAccounts()) {
      if (!directory.exists(account.username())) {
        directory.create(account, hash);
        created++;
      }
    }
    if (created > 0) {
      log.warn("Created {} demo accounts with password '{}': embedded demo only", created, DEMO_PASSWORD);
    }
  }

  private void createFirstAdministrator() {
    IdentityProperties.Administrator admin = properties.admin();
    String password = admin.password();
    if (admin.username() == null || admin.username().isBlank()) {
      throw new IllegalStateException("PROBITY_ADMIN_USERNAME is missing: the first administrator comes from it");
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("PROBITY_ADMIN_PASSWORD is missing: the first administrator needs a password");
    }
    if (password.equalsIgnoreCase(DEMO_PASSWORD)) {
      throw new IllegalStateException("PROBITY_ADMIN_PASSWORD must not be 'demo' outside the embedded demo");
    }
    if (password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "PROBITY_ADMIN_PASSWORD is too short: at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
    }
    if (directory.exists(admin.username())) {
      return; // never overwrite an existing account from the environment
    }
    String displayName = admin.displayName() == null || admin.displayName().isBlank() ? "Administrator" : admin.displayName();
    directory.create(
        new UserAccount(
            admin.username(), displayName, admin.email(), null, true, EnumSet.of(Role.PROCESS_ADMINS, Role.CAMUNDA_ADMIN)),
        passwordEncoder.encode(password));
    log.info("Created the first administrator '{}'", admin.username());
  }

  private boolean isEmbeddedH2() {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product", e);
    }
  }

  /** The demo cast: every role, two investigators from different units, three panel and committee members. */
  static List<UserAccount> demoAccounts() {
    return List.of(
        demo("admin", "Ada Admin", null, Role.PROCESS_ADMINS, Role.CAMUNDA_ADMIN),
        // change control needs a second administrator to approve a change
        demo("admin2", "Abel Admin", null, Role.PROCESS_ADMINS),
        demo("intake", "Ines Intake", null, Role.INTAKE_OFFICERS),
        demo("investigator", "Ivan Investigator", "Central Police District", Role.INVESTIGATORS),
        demo("investigator2", "Irene Investigator", "Northern Police District", Role.INVESTIGATORS),
        demo("vetting", "Victor Vetting", null, Role.VETTING_OFFICERS),
        demo("panel1", "Paula Panel", null, Role.VETTING_PANEL),
        demo("panel2", "Pierre Panel", null, Role.VETTING_PANEL),
        demo("panel3", "Priya Panel", null, Role.VETTING_PANEL),
        demo("chair", "Charlotte Chair", null, Role.COMMITTEE_CHAIR, Role.OVERSIGHT_COMMITTEE),
        demo("member1", "Moses Member", null, Role.OVERSIGHT_COMMITTEE),
        demo("member2", "Mariam Member", null, Role.OVERSIGHT_COMMITTEE),
        demo("member3", "Marc Member", null, Role.OVERSIGHT_COMMITTEE),
        demo("analyst", "Amina Analyst", null, Role.EQUALITY_ANALYSTS),
        demo("finance", "Felix Finance", null, Role.FINANCE_OFFICERS),
        demo("auditor", "Aurelie Auditor", null, Role.AUDITORS));
  }

  private static UserAccount demo(String username, String name, String unit, Role first, Role... more) {
    return new UserAccount(username, name, username + "@demo.probity.invalid", unit, true, EnumSet.of(first, more));
  }
}
