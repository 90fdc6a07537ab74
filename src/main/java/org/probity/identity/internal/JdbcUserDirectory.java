package org.probity.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.probity.identity.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Probity's user accounts in its own tables ({@code app_user}, {@code app_user_role}). */
@Repository
class JdbcUserDirectory implements UserDirectory {

  private static final String ACCOUNT_COLUMNS = "u.username, u.display_name, u.email, u.unit, u.enabled, r.role_id ";
  private static final String ACCOUNTS_WITH_ROLES = "from app_user u left join app_user_role r on r.username = u.username ";
  private static final String SELECT_USERS = "select " + ACCOUNT_COLUMNS + ACCOUNTS_WITH_ROLES;
  /** The same, with the password hash: read for authentication only, never by the listing queries. */
  private static final String SELECT_CREDENTIALS =
      "select u.password_hash, " + ACCOUNT_COLUMNS + ACCOUNTS_WITH_ROLES + "where u.username = ?";

  /** An account (enabled or not) with its stored password hash, for authentication only. */
  record Credentials(UserAccount account, String passwordHash) {}

  private final JdbcTemplate jdbc;

  JdbcUserDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UserAccount> findByUsername(String username) {
    return query(SELECT_USERS + "where u.username = ?", username).stream().findFirst();
  }

  @Override
  public List<UserAccount> membersOf(Role role) {
    return query(
        SELECT_USERS
            + "where u.enabled = true and u.username in "
            + "(select m.username from app_user_role m where m.role_id = ?) order by u.username",
        role.id());
  }

  @Override
  public List<UserAccount> findAll() {
    return query(SELECT_USERS + "order by u.username");
  }

  /**
   * The account and its password hash in one statement: HTTP Basic reads them on every request
   * (two statements were two round trips to the database per API call).
   */
  Optional<Credentials> credentials(String username) {
    return rows(SELECT_CREDENTIALS, true, username).stream().findFirst().map(r -> new Credentials(r.toAccount(), r.passwordHash));
  }

  boolean exists(String username) {
    Integer count =
        jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
    return count != null && count > 0;
  }

  @Transactional
  void create(UserAccount account, String passwordHash) {
    jdbc.update(
        "insert into app_user (username, password_hash, display_name, email, unit, enabled, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?)",
        account.username(),
        passwordHash,
        account.displayName(),
        account.email(),
        account.unit(),
        account.enabled(),
        Timestamp.from(Instant.now()));
    for (Role role : account.roles()) {
      jdbc.update("insert into app_user_role (username, role_id) values (?, ?)", account.username(), role.id());
    }
  }

  private List<UserAccount> query(String sql, Object... args) {
    List<Row> rows = rows(sql, false, args);
    List<UserAccount> accounts = new ArrayList<>(rows.size());
    rows.forEach(r -> accounts.add(r.toAccount()));
    return accounts;
  }

  /** One row per account: the statement's rows are one per account and role. */
  private List<Row> rows(String sql, boolean withPasswordHash, Object... args) {
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query(
        sql,
        (ResultSet rs) -> {
          Row row = rows.computeIfAbsent(rs.getString("username"), u -> readRow(rs, withPasswordHash));
          String roleId = rs.getString("role_id");
          if (roleId != null) {
            Role.byId(roleId).ifPresent(row.roles::add);
          }
        },
        args);
    return new ArrayList<>(rows.values());
  }

  private static Row readRow(ResultSet rs, boolean withPasswordHash) {
    try {
      return new Row(
          rs.getString("username"),
          rs.getString("display_name"),
          rs.getString("email"),
          rs.getString("unit"),
          rs.getBoolean("enabled"),
          withPasswordHash ? rs.getString("password_hash") : null);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read a user account row", e);
    }
  }

  private static final class Row {
    final String username;
    final String displayName;
    final String email;
    final String unit;
    final boolean enabled;
    final String passwordHash;
    final Set<Role> roles = EnumSet.noneOf(Role.class);

    Row(String username, String displayName, String email, String unit, boolean enabled, String passwordHash) {
      this.username = username;
      this.displayName = displayName;
      this.email = email;
      this.unit = unit;
      this.enabled = enabled;
      this.passwordHash = passwordHash;
    }

    UserAccount toAccount() {
      return new UserAccount(username, displayName, email, unit, enabled, Set.copyOf(roles));
    }
  }
}
