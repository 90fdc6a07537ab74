package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The inbox's own SQL ({@link InboxQuery}) against Camunda's answer for the same user: which
 * tasks are visible (per-task grants, definition grants, global grants, revokes), counts, and
 * keyset paging across pages, forwards and back. Run on H2 ({@link InboxQueryTest}) and on
 * MySQL/MariaDB ({@link MySqlInboxQueryTest}).
 */
abstract class InboxQueryCases {

  /** A user of the investigators group, not used by other tests, so that "mine" is this test's. */
  static final Authentication USER =
      new UsernamePasswordAuthenticationToken("inbox-query-tester", null, List.of(new SimpleGrantedAuthority(InboxSeed.GROUP)));

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired InboxService inbox;
  @Autowired ActingUser acting;

  InboxSeed seed;
  List<String> authorizations = new ArrayList<>();
  JdbcTemplate jdbc;

  @BeforeEach
  void seed() throws Exception {
    jdbc = new JdbcTemplate(dataSource);
    seed = new InboxSeed(engine, dataSource);
    ProcessInstance template = seed.template();
    // 260 open tasks, every other one the investigators' (the rest other groups'), 10 finished
    seed.seed(template, 260, 130, 10);
    // one task of the user's own: the template's, claimed (Camunda adds the user's grant)
    Task mine = engine.getTaskService().createTaskQuery().processInstanceId(template.getId()).singleResult();
    engine.getTaskService().claim(mine.getId(), USER.getName());
  }

  @AfterEach
  void remove() throws Exception {
    authorizations.forEach(engine.getAuthorizationService()::deleteAuthorization);
    seed.remove();
  }

  @Test
  void walkingThePagesForwardsAndBackGivesEveryVisibleTaskOnceInCamundasOrder() {
    List<String> expected = camunda(USER).stream().map(Task::getId).toList();
    assertThat(expected.size()).isGreaterThan(2 * InboxService.PAGE_SIZE);

    List<Inbox> pages = walk(USER, "created", "desc");
    List<String> ids = pages.stream().flatMap(p -> p.rows().stream()).map(Inbox.Row::id).toList();
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(pages.get(0).total()).isEqualTo(expected.size());
    assertThat(pages).allMatch(p -> p.rows().size() == InboxService.PAGE_SIZE || !p.hasNext());

    // back from the last page: the same pages, in reverse
    Inbox page = pages.get(pages.size() - 1);
    for (int n = pages.size() - 2; n >= 0; n--) {
      page = inbox.inbox(USER, new Inbox.Filter("", "", "", "created", "desc", page.page() - 1, null, page.first()));
      assertThat(page.rows()).extracting(Inbox.Row::id).containsExactlyElementsOf(ids(pages.get(n)));
      assertThat(page.page()).isEqualTo(n);
      assertThat(page.hasNext()).isTrue();
    }

    // oldest first: the same tasks the other way round
    List<String> ascending = walk(USER, "created", "asc").stream().flatMap(p -> p.rows().stream()).map(Inbox.Row::id).toList();
    List<String> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertThat(ascending).containsExactlyElementsOf(reversed);
  }

  @Test
  void sortedByDueOrPriorityEachTaskComesOnceInTheSortOrder() {
    // some due dates (others none), various priorities
    List<String> seeded = jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ like 'bench%' order by ID_", String.class);
    for (int i = 0; i < seeded.size(); i += 3) {
      jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ = ?", new java.sql.Timestamp(4_102_444_800_000L - (i % 7) * 86_400_000L), seeded.get(i));
    }
    List<String> expected = camunda(USER).stream().map(Task::getId).sorted().toList();
    for (String sort : List.of("due", "priority")) {
      for (String dir : List.of("asc", "desc")) {
        List<Inbox.Row> rows = walk(USER, sort, dir).stream().flatMap(p -> p.rows().stream()).toList();
        assertThat(rows.stream().map(Inbox.Row::id).sorted().toList()).as(sort + " " + dir).containsExactlyElementsOf(expected);
        Comparator<Inbox.Row> value =
            "due".equals(sort)
                ? Comparator.comparing(Inbox.Row::due, Comparator.nullsLast(dir.equals("asc") ? Comparator.naturalOrder() : Comparator.<java.util.Date>reverseOrder()))
                : Comparator.comparing(Inbox.Row::priority, dir.equals("asc") ? Comparator.naturalOrder() : Comparator.<Integer>reverseOrder());
        Comparator<Inbox.Row> id = dir.equals("asc") ? Comparator.comparing(Inbox.Row::id) : Comparator.comparing(Inbox.Row::id).reversed();
        assertThat(rows).as(sort + " " + dir).isSortedAccordingTo(value.thenComparing(id));
      }
    }
  }

  @Test
  void aTaskShowsOnlyWhereAGrantReachesIt() {
    List<String> group = jdbc.queryForList(
        "select TASK_ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ like 'bench%' and GROUP_ID_ = ? order by TASK_ID_", String.class, InboxSeed.GROUP);
    String noGrant = group.get(3);
    String ownGrant = group.get(5);
    // Camunda's own grant to the candidate group, gone: the task is not the user's to see
    jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in (?, ?)", noGrant, ownGrant);
    // the other one gets a grant of the user's own on that task only
    grant(USER.getName(), null, Resources.TASK, ownGrant, Permissions.READ);
    assertSameAsCamunda(USER);
    assertThat(visible(USER)).doesNotContain(noGrant).contains(ownGrant);

    // READ_TASK on the task's process definition reaches every task of it, without a task grant
    grant(null, InboxSeed.GROUP, Resources.PROCESS_DEFINITION, InboxSeed.KEY, Permissions.READ_TASK);
    assertSameAsCamunda(USER);
    assertThat(visible(USER)).contains(noGrant, ownGrant);
    engine.getAuthorizationService().deleteAuthorization(authorizations.remove(authorizations.size() - 1));
    assertThat(visible(USER)).doesNotContain(noGrant);

    // READ on all tasks, to everyone
    Authorization global = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setResource(Resources.TASK);
    global.setResourceId("*");
    global.addPermission(Permissions.READ);
    authorizations.add(engine.getAuthorizationService().saveAuthorization(global).getId());
    assertSameAsCamunda(USER);
    assertThat(visible(USER)).contains(noGrant);
  }

  @Test
  void aRevokeForTheUserLeavesTheAnswerToCamunda() {
    List<String> group = jdbc.queryForList(
        "select TASK_ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ like 'bench%' and GROUP_ID_ = ? order by TASK_ID_", String.class, InboxSeed.GROUP);
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(USER.getName());
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(group.get(7));
    revoke.removePermission(Permissions.READ);
    authorizations.add(engine.getAuthorizationService().saveAuthorization(revoke).getId());
    assertSameAsCamunda(USER);
  }

  @Test
  void pastTheCountLimitTheCountsAreLowerBoundsAndThePagesStillHoldEveryTask() {
    List<Task> camunda = camunda(USER);
    int limit = 20;
    Inbox first = inbox.inbox(USER, new Inbox.Filter("", "", "", "created", "desc", 0, null, null), limit);
    assertThat(first.countsAtLeast()).isTrue();
    // mine (one task) whole, my groups' up to the limit
    assertThat(first.total()).isEqualTo(1 + limit);
    Map<String, Long> exact = countsByKey(camunda);
    assertThat(first.countsByProcess()).isNotEmpty().allSatisfy((key, n) -> assertThat(n).isLessThanOrEqualTo(exact.get(key)));
    // each row's case reference is its process instance's business key (read with the page on
    // MariaDB's walk, separately otherwise)
    Map<String, String> keys = new java.util.HashMap<>();
    for (Task task : camunda) {
      keys.put(task.getId(), engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    }
    assertThat(first.rows()).hasSize(InboxService.PAGE_SIZE).allSatisfy(row -> assertThat(row.businessKey()).isNotNull().isEqualTo(keys.get(row.id())));
    // the pages do not depend on the counts: every visible task once, in Camunda's order, and
    // the same with a process filter
    assertThat(visible(USER, "", limit)).containsExactlyElementsOf(camunda.stream().map(Task::getId).toList());
    assertThat(visible(USER, InboxSeed.KEY, limit)).containsExactlyElementsOf(camunda.stream().map(Task::getId).toList());
    assertThat(visible(USER, "complaint-handling", limit)).isEmpty();
    // below the limit: exact
    assertThat(inbox.inbox(USER, new Inbox.Filter("", "", "", "created", "desc", 0, null, null), camunda.size()).countsAtLeast()).isFalse();
  }

  @Test
  void aTaskOfTwoOfTheUsersGroupsIsCountedAndListedOnce() {
    String second = InboxSeed.OTHER_GROUPS[0];
    Authentication both =
        new UsernamePasswordAuthenticationToken(
            USER.getName(), null, List.of(new SimpleGrantedAuthority(InboxSeed.GROUP), new SimpleGrantedAuthority(second)));
    List<String> group = jdbc.queryForList(
        "select TASK_ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ like 'bench%' and GROUP_ID_ = ? order by TASK_ID_", String.class, InboxSeed.GROUP);
    List<String> shared = group.subList(0, 15);
    shared.forEach(id -> engine.getTaskService().addCandidateGroup(id, second));
    try {
      assertSameAsCamunda(both);
      int distinct = camunda(both).size() - 1;
      // a limit the links (distinct + 15) exceed but the distinct tasks do not: exact, each once
      Inbox first = inbox.inbox(both, new Inbox.Filter("", "", "", "created", "desc", 0, null, null), distinct);
      assertThat(first.countsAtLeast()).isFalse();
      assertThat(first.total()).isEqualTo(distinct + 1);
      // far below: the first ten distinct tasks
      Inbox capped = inbox.inbox(both, new Inbox.Filter("", "", "", "created", "desc", 0, null, null), 10);
      assertThat(capped.countsAtLeast()).isTrue();
      assertThat(capped.total()).isEqualTo(1 + 10);
      assertThat(visible(both, "", 10)).containsExactlyElementsOf(camunda(both).stream().map(Task::getId).toList());
    } finally {
      shared.forEach(id -> engine.getTaskService().deleteCandidateGroup(id, second));
    }
  }

  /** The inbox's tasks and counts (all pages) equal Camunda's own query run as the user. */
  private void assertSameAsCamunda(Authentication user) {
    List<Task> camunda = camunda(user);
    assertThat(visible(user)).containsExactlyElementsOf(camunda.stream().map(Task::getId).toList());
    Inbox first = inbox.inbox(user, new Inbox.Filter("", "", "", "created", "desc", 0, null, null));
    assertThat(first.countsAtLeast()).isFalse();
    assertThat(new TreeMap<>(first.countsByProcess())).isEqualTo(countsByKey(camunda));
    assertThat(first.total()).isEqualTo(camunda.size());
  }

  private Map<String, Long> countsByKey(List<Task> tasks) {
    Map<String, String> keys =
        engine.getRepositoryService().createProcessDefinitionQuery().list().stream().collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey));
    return new TreeMap<>(tasks.stream().collect(Collectors.groupingBy(t -> keys.get(t.getProcessDefinitionId()), Collectors.counting())));
  }

  private List<String> visible(Authentication user) {
    return visible(user, "", InboxService.COUNT_LIMIT);
  }

  private List<String> visible(Authentication user, String process, int countLimit) {
    return walk(user, process, "created", "desc", countLimit).stream().flatMap(p -> p.rows().stream()).map(Inbox.Row::id).toList();
  }

  private List<Inbox> walk(Authentication user, String sort, String dir) {
    return walk(user, "", sort, dir, InboxService.COUNT_LIMIT);
  }

  /** Every page, following the next links' cursors. */
  private List<Inbox> walk(Authentication user, String process, String sort, String dir, int countLimit) {
    List<Inbox> pages = new ArrayList<>();
    Inbox page = inbox.inbox(user, new Inbox.Filter(process, "", "", sort, dir, 0, null, null), countLimit);
    pages.add(page);
    while (page.hasNext()) {
      page = inbox.inbox(user, new Inbox.Filter(process, "", "", sort, dir, page.page() + 1, page.last(), null), countLimit);
      pages.add(page);
      assertThat(pages).hasSizeLessThan(100);
    }
    return pages;
  }

  /** Camunda's answer: the user's and their groups' active tasks of a process, newest first. */
  private List<Task> camunda(Authentication user) {
    List<String> groups = ActingUser.groups(user);
    return acting.call(
        user,
        () ->
            engine.getTaskService().createTaskQuery()
                .or().taskAssignee(user.getName()).taskCandidateGroupIn(groups).endOr()
                .active()
                .orderByTaskCreateTime().desc()
                .orderByTaskId().desc()
                .list().stream()
                .filter(t -> t.getProcessDefinitionId() != null)
                .toList());
  }

  private void grant(String userId, String groupId, Resource resource, String resourceId, org.camunda.bpm.engine.authorization.Permission permission) {
    AuthorizationService service = engine.getAuthorizationService();
    Authorization grant = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.add(service.saveAuthorization(grant).getId());
  }

  private static List<String> ids(Inbox page) {
    return page.rows().stream().map(Inbox.Row::id).toList();
  }
}
