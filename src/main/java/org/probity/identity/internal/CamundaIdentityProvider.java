package org.probity.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.probity.identity.Role;
import org.probity.identity.UserAccount;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Serves Probity's accounts and roles to Camunda as its users and groups, read-only: Camunda's own
 * identity tables stay empty and its Admin webapp cannot create or change users. Groups are the
 * fixed roles of {@link Role}; the set is small, so queries filter in memory.
 */
class CamundaIdentityProvider implements ReadOnlyIdentityProvider {

  static final String GROUP_TYPE = "WORKFLOW";

  private final JdbcUserDirectory directory;
  private final PasswordEncoder passwordEncoder;

  CamundaIdentityProvider(JdbcUserDirectory directory, PasswordEncoder passwordEncoder) {
    this.directory = directory;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  // users

  @Override
  public User findUserById(String userId) {
    return directory.findByUsername(userId).filter(UserAccount::enabled).map(CamundaIdentityProvider::toUser).orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new CamundaUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new CamundaUserQuery();
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new BadUserRequestException("Native user queries are not supported: users live in Probity's directory");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    return directory
        .credentials(userId)
        .filter(c -> c.account().enabled())
        .map(c -> passwordEncoder.matches(password, c.passwordHash()))
        .orElse(false);
  }

  List<User> findUsers(CamundaUserQuery query) {
    Stream<UserAccount> accounts = directory.findAll().stream().filter(UserAccount::enabled);
    if (query.getTenantId() != null || query.potentialStarterProcessDefinitionId() != null) {
      // no tenants; potential starters are not modelled as identity links
      return List.of();
    }
    if (query.getGroupId() != null) {
      accounts = accounts.filter(a -> a.roles().stream().anyMatch(r -> r.id().equals(query.getGroupId())));
    }
    List<User> users =
        accounts
            .map(CamundaIdentityProvider::toUser)
            .filter(u -> query.getId() == null || query.getId().equals(u.getId()))
            .filter(u -> query.getIds() == null || List.of(query.getIds()).contains(u.getId()))
            .filter(u -> matches(u.getFirstName(), query.getFirstName(), query.getFirstNameLike()))
            .filter(u -> matches(u.getLastName(), query.getLastName(), query.getLastNameLike()))
            .filter(u -> matches(u.getEmail(), query.getEmail(), query.getEmailLike()))
            .sorted(Comparator.comparing(User::getId))
            .toList();
    return users;
  }

  // groups

  @Override
  public Group findGroupById(String groupId) {
    return Role.byId(groupId).map(CamundaIdentityProvider::toGroup).orElse(null);
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new CamundaGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new CamundaGroupQuery();
  }

  List<Group> findGroups(CamundaGroupQuery query) {
    if (query.getTenantId() != null || query.potentialStarterProcessDefinitionId() != null) {
      return List.of();
    }
    Stream<Role> roles = Stream.of(Role.values());
    if (query.getUserId() != null) {
      List<Role> memberOf =
          directory.findByUsername(query.getUserId()).filter(UserAccount::enabled).map(a -> List.copyOf(a.roles())).orElse(List.of());
      roles = roles.filter(memberOf::contains);
    }
    return roles
        .map(CamundaIdentityProvider::toGroup)
        .filter(g -> query.getId() == null || query.getId().equals(g.getId()))
        .filter(g -> query.getIds() == null || List.of(query.getIds()).contains(g.getId()))
        .filter(g -> matches(g.getName(), query.getName(), query.getNameLike()))
        .filter(g -> query.getType() == null || query.getType().equals(g.getType()))
        .sorted(Comparator.comparing(Group::getId))
        .map(Group.class::cast)
        .toList();
  }

  // tenants: Probity is single-tenant

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new CamundaTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new CamundaTenantQuery();
  }

  private static User toUser(UserAccount account) {
    UserEntity user = new UserEntity(account.username());
    String name = Objects.requireNonNullElse(account.displayName(), account.username()).trim();
    int lastSpace = name.lastIndexOf(' ');
    user.setFirstName(lastSpace > 0 ? name.substring(0, lastSpace) : name);
    user.setLastName(lastSpace > 0 ? name.substring(lastSpace + 1) : "");
    user.setEmail(account.email());
    return user;
  }

  private static GroupEntity toGroup(Role role) {
    GroupEntity group = new GroupEntity(role.id());
    group.setName(role.displayName());
    group.setType(GROUP_TYPE);
    return group;
  }

  /** Camunda's "like" values use {@code %} as the wildcard. */
  private static boolean matches(String value, String exact, String like) {
    if (exact != null && !exact.equals(value)) {
      return false;
    }
    if (like != null) {
      if (value == null) {
        return false;
      }
      String regex =
          Stream.of(like.split("%", -1)).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
          .matcher(value.toLowerCase(Locale.ROOT))
          .matches();
    }
    return true;
  }
}
