package org.probity.tasks.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.probity.common.NotFoundException;
import org.probity.identity.Role;
import org.probity.tasks.CaseFact;
import org.probity.tasks.CaseViewContributor;
import org.probity.tasks.RelatedCase;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Cases: the process instances sharing one business key, read from Camunda's history, plus what
 * feature modules contribute. Entitlement rule (one place, {@link #mayRead}): a user may read a
 * case if they are an auditor, a process administrator or the committee chair; or they started it;
 * or they have or had a task in it (a task of the case is visible to them through Camunda
 * authorization now, was assigned to them, or they performed an operation on it, e.g. claimed or
 * completed a task). Anyone else gets 404, as if the case did not exist.
 */
@Service
class CaseWorkspace {

  static final Role[] READ_ALL = {Role.AUDITORS, Role.PROCESS_ADMINS, Role.COMMITTEE_CHAIR};
  static final int SEARCH_LIMIT = 50;
  private static final int SEARCH_SCAN = 1000;

  private final HistoryService historyService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final CamundaPermissions permissions;
  private final List<CaseViewContributor> contributors;
  private final CaseNotes notes;
  private final CaseDocuments documents;

  CaseWorkspace(
      HistoryService historyService,
      TaskService taskService,
      RepositoryService repositoryService,
      List<CaseViewContributor> contributors,
      CaseNotes notes,
      CaseDocuments documents,
      CamundaPermissions permissions) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.contributors = contributors;
    this.notes = notes;
    this.documents = documents;
    this.permissions = permissions;
  }

  /** The case's process instances, oldest first; 404 if there is none or the user may not read it. */
  List<HistoricProcessInstance> readable(Authentication user, String businessKey) {
    List<HistoricProcessInstance> instances = instances(businessKey);
    if (instances.isEmpty() || !mayRead(user, businessKey, instances)) {
      throw new NotFoundException("No such case");
    }
    return instances;
  }

  private List<HistoricProcessInstance> instances(String businessKey) {
    if (businessKey == null || businessKey.isBlank() || businessKey.length() > 255) {
      return List.of();
    }
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime()
        .asc()
        .list();
  }

  boolean mayRead(Authentication user, String businessKey, List<HistoricProcessInstance> instances) {
    if (ActingUser.hasAnyRole(user, READ_ALL)) {
      return true;
    }
    String name = user.getName();
    if (instances.stream().anyMatch(i -> name.equals(i.getStartUserId()))) {
      return true;
    }
    if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).taskAssignee(name).count() > 0) {
      return true;
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    for (String id : ids) {
      if (historyService.createUserOperationLogQuery().processInstanceId(id).userId(name).count() > 0) {
        return true;
      }
    }
    return !visibleOpenTasks(user, businessKey).isEmpty();
  }

  /**
   * The case's open tasks the user may see: read without the user's authentication, then each
   * checked with Camunda's rule ({@link CamundaPermissions#mayRead}). Camunda's task query run as
   * the user joins the tasks with every grant the user's groups hold, one per open task of theirs
   * (the task page's lookup read 100,000 rows for one task that way, README "Performance").
   */
  private Set<String> visibleOpenTasks(Authentication user, String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
        .filter(task -> permissions.mayRead(user, task))
        .map(Task::getId)
        .collect(Collectors.toSet());
  }

  CaseView view(Authentication user, String businessKey) {
    List<HistoricProcessInstance> instances = readable(user, businessKey);
    HistoricProcessInstance root = instances.get(0);
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();

    List<CaseFact> data = new ArrayList<>();
    for (HistoricVariableInstance v :
        historyService.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids.toArray(String[]::new))
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .orderByVariableName()
            .asc()
            .list()) {
      if (v.getName().toLowerCase(Locale.ROOT).startsWith("pii") || v.getTaskId() != null) {
        continue; // personal data never shows here; task-local variables belong to their task
      }
      data.add(new CaseFact(v.getName(), display(v.getValue(), v.getTypeName())));
    }
    List<RelatedCase> related = new ArrayList<>();
    for (CaseViewContributor contributor : contributors) {
      data.addAll(contributor.facts(businessKey, user.getName()));
      related.addAll(contributor.relatedCases(businessKey, user.getName()));
    }

    List<CaseView.TimelineEntry> timeline = new ArrayList<>();
    for (String id : ids) {
      for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list()) {
        if (a.getActivityType().contains("Gateway") || a.getActivityType().equals("multiInstanceBody")) {
          continue;
        }
        String subject = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
        String who = "userTask".equals(a.getActivityType()) ? a.getAssignee() : null;
        timeline.add(new CaseView.TimelineEntry(a.getStartTime(), null, "case.timeline.reached", subject, a.getActivityType()));
        if (a.getEndTime() != null && !a.getActivityType().endsWith("EndEvent") && !a.getActivityType().endsWith("StartEvent")) {
          timeline.add(new CaseView.TimelineEntry(a.getEndTime(), who, "case.timeline.finished", subject, a.getActivityType()));
        }
      }
      for (UserOperationLogEntry e : historyService.createUserOperationLogQuery().processInstanceId(id).list()) {
        String detail = e.getProperty() == null ? "" : e.getProperty() + (e.getNewValue() != null ? " → " + e.getNewValue() : "");
        if ("variable".equals(e.getProperty()) || (e.getProperty() != null && e.getProperty().toLowerCase(Locale.ROOT).startsWith("pii"))) {
          detail = e.getProperty();
        }
        timeline.add(new CaseView.TimelineEntry(e.getTimestamp(), e.getUserId(), "case.timeline.operation", e.getOperationType(), detail));
      }
    }
    timeline.sort(Comparator.comparing(CaseView.TimelineEntry::when, Comparator.nullsLast(Comparator.naturalOrder())));

    Set<String> visibleOpen = visibleOpenTasks(user, businessKey);
    List<CaseView.TaskLine> open = new ArrayList<>();
    List<CaseView.TaskLine> done = new ArrayList<>();
    for (HistoricTaskInstance t :
        historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).orderByHistoricActivityInstanceStartTime().asc().list()) {
      CaseView.TaskLine line =
          new CaseView.TaskLine(t.getId(), t.getName(), t.getAssignee(), t.getStartTime(), t.getDueDate(), t.getEndTime(), visibleOpen.contains(t.getId()));
      (t.getEndTime() == null ? open : done).add(line);
    }

    List<CaseView.DecisionLine> decisions = new ArrayList<>();
    List<HistoricDecisionInstance> evaluated = new ArrayList<>();
    for (String id : ids) {
      evaluated.addAll(
          historyService.createHistoricDecisionInstanceQuery()
              .processInstanceId(id)
              .includeInputs()
              .includeOutputs()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderByEvaluationTime()
              .asc()
              .list());
    }
    for (HistoricDecisionInstance d : evaluated) {
      String inputs =
          d.getInputs().stream()
              .filter(i -> i.getClauseName() == null || !i.getClauseName().toLowerCase(Locale.ROOT).startsWith("pii"))
              .map(i -> label(i.getClauseName(), i.getClauseId()) + " = " + display(i.getValue(), i.getTypeName()))
              .collect(Collectors.joining("; "));
      String outputs =
          d.getOutputs().stream()
              .map(o -> label(o.getClauseName(), o.getVariableName()) + " = " + display(o.getValue(), o.getTypeName()))
              .collect(Collectors.joining("; "));
      decisions.add(new CaseView.DecisionLine(label(d.getDecisionDefinitionName(), d.getDecisionDefinitionKey()), d.getEvaluationTime(), inputs, outputs));
    }

    String status = status(instances);
    return new CaseView(
        businessKey,
        processName(root.getProcessDefinitionId(), root.getProcessDefinitionKey()),
        status,
        root.getStartTime(),
        "active".equals(status) ? null : instances.stream().map(HistoricProcessInstance::getEndTime).filter(e -> e != null).max(Date::compareTo).orElse(null),
        root.getStartUserId(),
        data,
        timeline,
        open,
        done,
        decisions,
        related,
        notes.of(businessKey),
        documents.of(businessKey));
  }

  /** Search criteria; any may be blank. {@code status}: "", "active", "completed". */
  record Criteria(String reference, String officer, String unit, String status, Date from, Date to) {
    boolean empty() {
      return blank(reference) && blank(officer) && blank(unit) && blank(status) && from == null && to == null;
    }
  }

  /** Matching cases the user may read, newest first, at most {@link #SEARCH_LIMIT}. */
  List<CaseView.Summary> search(Authentication user, Criteria criteria) {
    HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery().rootProcessInstances();
    if (!blank(criteria.reference())) {
      query.processInstanceBusinessKeyLike("%" + escapeLike(criteria.reference().trim()) + "%");
    }
    Set<String> keys = null;
    if (!blank(criteria.officer())) {
      keys = new HashSet<>();
      for (CaseViewContributor c : contributors) {
        keys.addAll(c.casesConcerningOfficer(criteria.officer().trim()));
      }
    }
    if (!blank(criteria.unit())) {
      Set<String> byUnit = new HashSet<>();
      for (CaseViewContributor c : contributors) {
        byUnit.addAll(c.casesConcerningUnit(criteria.unit().trim()));
      }
      if (keys == null) {
        keys = byUnit;
      } else {
        keys.retainAll(byUnit);
      }
    }
    if (keys != null) {
      if (keys.isEmpty()) {
        return List.of();
      }
      query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
    }
    if ("active".equals(criteria.status())) {
      query.unfinished();
    } else if ("completed".equals(criteria.status())) {
      query.finished();
    }
    if (criteria.from() != null) {
      query.startedAfter(criteria.from());
    }
    if (criteria.to() != null) {
      query.startedBefore(criteria.to());
    }
    List<CaseView.Summary> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean readAll = ActingUser.hasAnyRole(user, READ_ALL);
    // entitlement is checked per case; the scan is bounded so that a broad search stays cheap
    for (HistoricProcessInstance i : query.orderByProcessInstanceStartTime().desc().listPage(0, SEARCH_SCAN)) {
      if (i.getBusinessKey() == null || !seen.add(i.getBusinessKey())) {
        continue;
      }
      if (!readAll && !mayRead(user, i.getBusinessKey(), instances(i.getBusinessKey()))) {
        continue;
      }
      found.add(
          new CaseView.Summary(
              i.getBusinessKey(),
              processName(i.getProcessDefinitionId(), i.getProcessDefinitionKey()),
              i.getEndTime() == null ? "active" : "completed",
              i.getStartTime(),
              i.getEndTime()));
      if (found.size() == SEARCH_LIMIT) {
        break;
      }
    }
    return found;
  }

  private static String status(List<HistoricProcessInstance> instances) {
    return instances.stream().anyMatch(i -> i.getEndTime() == null) ? "active" : "completed";
  }

  String processName(String definitionId, String key) {
    ProcessDefinition d = repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
    return d == null ? key : InboxService.nameOf(d);
  }

  private static String label(String name, String fallback) {
    return name != null && !name.isBlank() ? name : fallback;
  }

  static String display(Object value, String typeName) {
    if (value == null) {
      return "";
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date) {
      return String.valueOf(value);
    }
    return "(" + typeName + ")";
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A short summary (process, status) for the task page's case context. */
  java.util.Optional<CaseView.Summary> summary(String businessKey) {
    List<HistoricProcessInstance> instances = instances(businessKey);
    if (instances.isEmpty()) {
      return java.util.Optional.empty();
    }
    HistoricProcessInstance root = instances.get(0);
    return java.util.Optional.of(
        new CaseView.Summary(businessKey, processName(root.getProcessDefinitionId(), root.getProcessDefinitionKey()), status(instances), root.getStartTime(), root.getEndTime()));
  }

  /** Non-personal variables of the case, for the task page's context column. */
  List<CaseFact> facts(String processInstanceId) {
    List<CaseFact> facts = new ArrayList<>();
    for (HistoricVariableInstance v :
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).disableBinaryFetching()
            .disableCustomObjectDeserialization().orderByVariableName().asc().list()) {
      if (!v.getName().toLowerCase(Locale.ROOT).startsWith("pii") && v.getTaskId() == null) {
        facts.add(new CaseFact(v.getName(), display(v.getValue(), v.getTypeName())));
      }
    }
    return facts;
  }
}
