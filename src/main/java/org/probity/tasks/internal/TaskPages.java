package org.probity.tasks.internal;

import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.probity.common.InvalidInputException;
import org.probity.common.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task page (the task's Camunda Form beside its case) and the start page of a process. Both
 * submit through the engine as the logged-in user, so that Camunda authorization and the shared
 * engine-level form validation apply; a refusal shows each field's message and keeps what was typed.
 */
@Controller
class TaskPages {

  private final InboxService inbox;
  private final TaskForms forms;
  private final TaskService taskService;
  private final FormService formService;
  private final StartableProcesses startable;
  private final HistoryService historyService;
  private final CaseWorkspace cases;
  private final ActingUser acting;
  private final CommandExecutor engineCommands;
  private final CamundaPermissions permissions;

  TaskPages(
      InboxService inbox,
      TaskForms forms,
      TaskService taskService,
      FormService formService,
      StartableProcesses startable,
      HistoryService historyService,
      CaseWorkspace cases,
      ActingUser acting,
      ProcessEngineConfiguration engineConfiguration,
      CamundaPermissions permissions) {
    this.inbox = inbox;
    this.forms = forms;
    this.taskService = taskService;
    this.formService = formService;
    this.startable = startable;
    this.historyService = historyService;
    this.cases = cases;
    this.acting = acting;
    this.engineCommands = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
    this.permissions = permissions;
  }

  @GetMapping("/tasks/{id}")
  String task(Authentication user, @PathVariable String id, Model model) {
    Task task = inbox.visibleTask(user, id);
    Optional<FormSchema> form = forms.taskForm(id);
    Map<String, String> values = new HashMap<>();
    form.ifPresent(
        f -> {
          Map<String, Object> current = taskService.getVariables(id);
          for (FormSchema.Field field : f.inputs()) {
            Object v = current.get(field.key());
            if (v == null) {
              v = field.defaultValue();
            }
            if (v != null && !field.key().toLowerCase().startsWith("pii")) {
              values.put(field.key(), String.valueOf(v));
            }
          }
        });
    return taskPage(user, task, form, values, Map.of(), model);
  }

  @PostMapping("/tasks/{id}")
  String complete(
      Authentication user, @PathVariable String id, @RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect) {
    Map<String, String> typed = firstValues(posted);
    Attempt attempt;
    try {
      // one engine command, so one transaction and one flush: finding the task, Camunda's check that
      // the user may read it, its form, the claim of an unassigned task (who completed it stays on
      // the task in history) and the completion. A refusal leaves the task as it was; the claim's
      // update of the task row is never written (the completion deletes the row), and its check is
      // answered again from the session's cache rather than the database (README, Performance)
      attempt = acting.call(user, () -> engineCommands.execute(context -> complete(context, user, id, typed)));
    } catch (ProcessEngineException e) {
      Optional<FormException> refusal = TaskForms.refusal(e);
      if (refusal.isEmpty()) {
        if (e instanceof org.camunda.bpm.engine.AuthorizationException) {
          throw new NotFoundException("No such task");
        }
        throw e;
      }
      // the engine's validation refused: the page again, as the user may see it now
      Optional<FormSchema> form = forms.taskForm(id);
      attempt = new Attempt(inbox.visibleTask(user, id), form, TaskForms.fieldMessages(refusal.get(), form.orElse(null)));
    }
    if (attempt.task() == null) {
      throw new NotFoundException("No such task");
    }
    String assignee = attempt.task().getAssignee();
    if (assignee != null && !assignee.equals(user.getName())) {
      throw new InvalidInputException("task", "the task is assigned to " + assignee);
    }
    if (attempt.errors().isEmpty()) {
      redirect.addFlashAttribute("notice", "task.completed");
      return "redirect:/inbox";
    }
    model.addAttribute("refused", true);
    return taskPage(user, attempt.task(), attempt.form(), typed, attempt.errors(), model);
  }

  /**
   * Inside the engine command, run as the user: the task completed, or why not. An unknown or
   * unreadable task has none (404); one held by someone else is left as it is (400); values that
   * are not of the form's types come back by field.
   */
  private Attempt complete(CommandContext context, Authentication user, String id, Map<String, String> typed) {
    TaskEntity task = context.getTaskManager().findTaskById(id);
    if (task == null || !permissions.mayRead(context, task)) {
      return new Attempt(null, Optional.empty(), Map.of());
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
      return new Attempt(task, Optional.empty(), Map.of()); // (not thrown here: the engine logs that as an error)
    }
    Optional<FormSchema> form = forms.taskForm(id, context);
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> values = form.map(f -> TaskForms.typedValues(f, typed, errors)).orElse(Map.of());
    if (errors.isEmpty()) {
      if (task.getAssignee() == null) {
        taskService.claim(id, user.getName());
      }
      taskService.complete(id, values);
    }
    return new Attempt(task, form, errors);
  }

  /** A completion tried: the task (null when the user may not see it), its form, and what was wrong. */
  private record Attempt(Task task, Optional<FormSchema> form, Map<String, String> errors) {}

  private String taskPage(Authentication user, Task task, Optional<FormSchema> form, Map<String, String> values, Map<String, String> errors, Model model) {
    model.addAttribute("task", task);
    model.addAttribute("form", form.orElse(null));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("generalError", errors.get(""));
    String businessKey =
        task.getProcessInstanceId() == null
            ? null
            : historyService.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    model.addAttribute("businessKey", businessKey);
    model.addAttribute("caseSummary", businessKey == null ? null : cases.summary(businessKey).orElse(null));
    model.addAttribute("facts", task.getProcessInstanceId() == null ? List.of() : cases.facts(task.getProcessInstanceId()));
    model.addAttribute("delegates", inbox.delegates(user, task));
    model.addAttribute("mine", user.getName().equals(task.getAssignee()));
    return "tasks/task";
  }

  @GetMapping("/cases/start/{key}")
  String startPage(Authentication user, @PathVariable String key, Model model) {
    ProcessDefinition definition = startable(user, key);
    return startPage(definition, forms.startForm(definition.getId()), Map.of(), Map.of(), model);
  }

  @PostMapping("/cases/start/{key}")
  String start(
      Authentication user, @PathVariable String key, @RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect) {
    ProcessDefinition definition = startable(user, key);
    Optional<FormSchema> form = forms.startForm(definition.getId());
    Map<String, String> typed = firstValues(posted);
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> values = form.map(f -> TaskForms.typedValues(f, typed, errors)).orElse(Map.of());
    if (errors.isEmpty()) {
      try {
        String businessKey = newReference(key);
        ProcessInstance instance = acting.call(user, () -> formService.submitStartForm(definition.getId(), businessKey, values));
        redirect.addFlashAttribute("notice", "case.startedNotice");
        return "redirect:/cases/" + instance.getBusinessKey();
      } catch (ProcessEngineException e) {
        Optional<FormException> refusal = TaskForms.refusal(e);
        if (refusal.isEmpty()) {
          throw e;
        }
        errors.putAll(TaskForms.fieldMessages(refusal.get(), form.orElse(null)));
      }
    }
    model.addAttribute("refused", true);
    return startPage(definition, form, typed, errors, model);
  }

  private String startPage(ProcessDefinition definition, Optional<FormSchema> form, Map<String, String> values, Map<String, String> errors, Model model) {
    model.addAttribute("definition", definition);
    model.addAttribute("processName", InboxService.nameOf(definition));
    model.addAttribute("form", form.orElse(null));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("generalError", errors.get(""));
    return "tasks/start";
  }

  /** The latest version of a process the user may start; 404 otherwise. */
  private ProcessDefinition startable(Authentication user, String key) {
    return startable.latest(user, key).orElseThrow(() -> new NotFoundException("No such process"));
  }

  /**
   * A case reference for processes started here: the key's initials, the year and six digits
   * (e.g. IP-2026-004211), unique among the cases. Feature modules that number their cases
   * themselves (CMP-2026-000123) start them through their own pages.
   */
  private String newReference(String key) {
    StringBuilder prefix = new StringBuilder();
    for (String part : key.split("[-_.]")) {
      if (!part.isEmpty()) {
        prefix.append(Character.toUpperCase(part.charAt(0)));
      }
    }
    for (int attempt = 0; ; attempt++) {
      String reference = String.format("%s-%d-%06d", prefix, Year.now().getValue(), ThreadLocalRandom.current().nextInt(1_000_000));
      if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0 || attempt > 20) {
        return reference;
      }
    }
  }

  private static Map<String, String> firstValues(MultiValueMap<String, String> posted) {
    Map<String, String> values = new HashMap<>();
    posted.forEach(
        (k, v) -> {
          if (!k.equals("_csrf") && v != null && !v.isEmpty()) {
            // a checkbox posts a hidden "false" after its "true": the first value wins
            values.put(k, v.get(0));
          }
        });
    return values;
  }
}
