package org.probity.tasks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.probity.common.forms.DeployedForms;
import org.probity.common.forms.FormSubmissionRefused;
import org.springframework.stereotype.Component;

/**
 * Reads the deployed Camunda Form of a task or start event, turns what the browser posted into
 * typed values (numbers as Long or Double, checkboxes as Boolean, the rest as String) and turns a
 * refusal of the engine's form validation into one message per field.
 */
@Component
class TaskForms {

  private final DeployedForms<FormSchema> deployed = new DeployedForms<>(FormSchema::read);
  private final CommandExecutor engineCommands;

  TaskForms(ProcessEngineConfiguration engineConfiguration) {
    this.engineCommands = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
  }

  /** The task's form, empty when it has none (or the task is gone). No authorization check. */
  Optional<FormSchema> taskForm(String taskId) {
    return engineCommands.execute(context -> context.getTaskManager().findTaskById(taskId) == null
        ? Optional.<FormSchema>empty()
        : taskForm(taskId, context));
  }

  /** The same inside the caller's command, for a task that exists. */
  Optional<FormSchema> taskForm(String taskId, CommandContext context) {
    return deployed.ofTask(taskId, context);
  }

  /** The start form of a process definition (the caller found it), empty when it has none. */
  Optional<FormSchema> startForm(String processDefinitionId) {
    return engineCommands.execute(context -> deployed.ofStart(processDefinitionId, context));
  }

  /** Typed values of the form's inputs; parse errors by field go into {@code errors}. */
  static Map<String, Object> typedValues(FormSchema form, Map<String, String> posted, Map<String, String> errors) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormSchema.Field field : form.inputs()) {
      String raw = posted.get(field.key());
      if ("checkbox".equals(field.type())) {
        values.put(field.key(), "true".equals(raw) || "on".equals(raw));
        continue;
      }
      if (raw == null || raw.isBlank()) {
        continue; // absent: the form's own "required" rule decides, in the engine
      }
      if ("number".equals(field.type())) {
        try {
          String n = raw.trim();
          // (no ?: here: it would promote a Long to double)
          if (n.contains(".") || n.contains("e") || n.contains("E")) {
            values.put(field.key(), Double.valueOf(n));
          } else {
            values.put(field.key(), Long.valueOf(n));
          }
        } catch (NumberFormatException e) {
          errors.put(field.key(), "form.notANumber");
        }
        continue;
      }
      values.put(field.key(), raw);
    }
    return values;
  }

  /**
   * One message per field from a refusal of the engine's form validation, or the whole message
   * under the key "" when it names no field. The shared validation ({@link FormSubmissionRefused})
   * carries a field-to-message map; Camunda's own exceptions carry a map as detail or name one
   * field; anything else is read from its message ("key: message; key: message").
   */
  static Map<String, String> fieldMessages(FormException refusal, FormSchema form) {
    Map<String, String> messages = new LinkedHashMap<>();
    if (refusal instanceof FormSubmissionRefused refused) {
      messages.putAll(refused.fieldErrors());
      return messages;
    }
    Object detail = refusal instanceof FormFieldValidationException validation ? validation.getDetail() : null;
    if (detail instanceof Map<?, ?> map) {
      map.forEach((k, v) -> messages.put(String.valueOf(k), String.valueOf(v)));
      return messages;
    }
    if (refusal instanceof FormFieldValidatorException one && one.getId() != null) {
      messages.put(one.getId(), refusal.getMessage());
      return messages;
    }
    // a message naming fields ("key: message" per line or separated by ';')
    String text = refusal.getMessage() == null ? "" : refusal.getMessage();
    for (String part : text.split("[;\\n]")) {
      for (FormSchema.Field field : form == null ? java.util.List.<FormSchema.Field>of() : form.inputs()) {
        String p = part.trim();
        if (p.startsWith(field.key() + ":") || p.startsWith("'" + field.key() + "'") || p.startsWith("\"" + field.key() + "\"")) {
          messages.put(field.key(), p.substring(p.indexOf(field.key()) + field.key().length()).replaceFirst("^['\"]?\\s*:?\\s*", ""));
        }
      }
    }
    if (messages.isEmpty()) {
      messages.put("", text);
    }
    return messages;
  }

  /** The form refusal inside an engine exception, if that is what it is. */
  static Optional<FormException> refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FormException form) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }
}
