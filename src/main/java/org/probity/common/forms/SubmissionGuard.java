package org.probity.common.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.probity.common.CamundaCommandFields;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Inside the engine, before a start form or a task completion runs, checks the submission against
 * the deployed form's schema and every {@link SubmissionRule} that applies. Being a command
 * interceptor, it sees every door at once: Probity's own code, {@code /engine-rest}, and Tasklist
 * (which completes through the webapp's copy of the REST API). A refusal throws
 * {@link FormSubmissionRefused} before anything is written.
 *
 * <p>It also closes the side doors a user could take around a form: setting task variables
 * directly, starting a process at chosen activities, and correlating messages are reserved to
 * process administrators when a user calls them directly (the system's own nested calls, such as a
 * delegate correlating a message, are not affected).
 */
final class SubmissionGuard extends CommandInterceptor {

  private static final List<String> ADMIN_GROUPS = List.of("process-admins", "camunda-admin");
  private static final java.util.Set<String> TASK_VARIABLE_COMMANDS =
      java.util.Set.of("SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd");
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final Supplier<Stream<SubmissionRule>> rules;
  private final DeployedForms<FormSchema> forms = new DeployedForms<>(FormSchema::parse);

  SubmissionGuard(Supplier<Stream<SubmissionRule>> rules) {
    this.rules = rules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    try {
      inspect(command, depth == 0);
      return next.execute(command);
    } finally {
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  private void inspect(Command<?> command, boolean calledByUser) {
    if (command instanceof CompleteTaskCmd complete) {
      checkCompletion(CamundaCommandFields.read(complete, "taskId"), CamundaCommandFields.read(complete, "variables"));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkCompletion(CamundaCommandFields.read(submit, "taskId"), CamundaCommandFields.read(submit, "properties"));
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = CamundaCommandFields.read(start, "instantiationBuilder");
      checkStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd submit) {
      checkStart(CamundaCommandFields.read(submit, "processDefinitionId"), null, CamundaCommandFields.read(submit, "variables"));
    } else if (calledByUser && isUserWithoutAdminRole()) {
      if (command instanceof StartProcessInstanceAtActivitiesCmd) {
        throw refused("start a process at chosen activities");
      }
      if (TASK_VARIABLE_COMMANDS.contains(command.getClass().getSimpleName())) {
        throw refused("set task variables outside a form submission");
      }
      if (command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd) {
        throw refused("correlate messages directly");
      }
    }
  }

  private void checkCompletion(String taskId, Map<String, Object> submitted) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself answers "not found"
    }
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    // the form without the command's own READ check: see enforce for who may hear the answer
    FormSchema schema = forms.ofTask(taskId, context).orElse(null);
    Map<String, Object> existing = new LinkedHashMap<>(task.getVariables());
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    String processKey = definition == null ? null : definition.getKey();
    enforce(schema, processKey, task.getTaskDefinitionKey(), values, existing, context, checker -> checker.checkTaskWork(task));
  }

  private void checkStart(String definitionId, String definitionKey, Map<String, Object> submitted) {
    CommandContext context = Context.getCommandContext();
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition =
        definitionId != null
            ? cache.findDeployedProcessDefinitionById(definitionId)
            : definitionKey != null ? cache.findDeployedLatestProcessDefinitionByKey(definitionKey) : null;
    if (definition == null) {
      return;
    }
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    // the form without the command's own READ check: see enforce for who may hear the answer
    FormSchema schema = forms.ofStart(definition.getId(), context).orElse(null);
    enforce(schema, definition.getKey(), Submission.START, values, Map.of(), context, checker -> checker.checkCreateProcessInstance(definition));
  }

  private void enforce(
      FormSchema schema,
      String processKey,
      String activityId,
      Map<String, Object> values,
      Map<String, Object> existing,
      CommandContext context,
      Consumer<CommandChecker> authorization) {
    Authentication user = context.getAuthentication();
    boolean system = user == null;
    Map<String, String> errors = new LinkedHashMap<>();
    if (schema != null) {
      errors.putAll(FormSubmissionValidator.check(schema, values, existing, system));
    }
    Map<String, Object> plainValues = new LinkedHashMap<>();
    values.forEach((k, v) -> plainValues.put(k, FormSubmissionValidator.unwrap(v)));
    Submission submission =
        new Submission(
            processKey,
            activityId,
            system ? null : user.getUserId(),
            system || user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
            plainValues,
            existing);
    rules.get()
        .filter(rule -> rule.appliesTo(processKey, activityId))
        .forEach(rule -> rule.check(submission).forEach(errors::putIfAbsent));
    if (!errors.isEmpty()) {
      // only someone who may submit hears what is wrong with the values: anyone else gets the
      // command's own refusal (403). A valid submission goes on to the command, which makes that
      // same check itself (CREATE_INSTANCE, TASK_WORK): checking it here too cost an
      // authorization query per submission (5 % of an intake's CPU on H2, measured)
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        authorization.accept(checker);
      }
      throw new FormSubmissionRefused(errors);
    }
  }

  private static boolean isUserWithoutAdminRole() {
    Authentication user = Context.getCommandContext().getAuthentication();
    return user != null && (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(ADMIN_GROUPS::contains));
  }

  private static AuthorizationException refused(String what) {
    return new AuthorizationException("Only process administrators may " + what);
  }

}
