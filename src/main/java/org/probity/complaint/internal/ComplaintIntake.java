package org.probity.complaint.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.probity.common.InvalidInputException;
import org.probity.common.forms.FormSubmissionRefused;
import org.probity.complaint.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * Starts complaint-handling through the engine's start form, exactly as Tasklist or /engine-rest
 * would, so that every check of the form applies; the portal and the staff API check the form's
 * schema and intake's rules first so that the answer names each field.
 */
@Component
class ComplaintIntake {

  /** The portal sets the channel itself. */
  static final Set<String> PORTAL_EXCLUDED = Set.of("channel");

  record Started(String reference, String receipt) {}

  private final IntakeRules rules;
  private final FormService formService;
  private final IdentityService identityService;
  private final ReceiptCodes receipts;
  private final CommandExecutor oneCommand;

  ComplaintIntake(
      IntakeRules rules, FormService formService, IdentityService identityService, ReceiptCodes receipts,
      ProcessEngineConfiguration engineConfiguration) {
    this.rules = rules;
    this.formService = formService;
    this.identityService = identityService;
    this.receipts = receipts;
    this.oneCommand = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
  }

  Started fromPortal(Map<String, Object> values) {
    return start(values, PORTAL_EXCLUDED, "portal", null, List.of());
  }

  Started fromStaff(Map<String, Object> values, String user, List<String> groups) {
    return start(values, Set.of(), null, user, groups);
  }

  private Started start(Map<String, Object> values, Set<String> notAllowed, String channel, String user, List<String> groups) {
    Map<String, String> errors = rules.checkAll(values, notAllowed);
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value instanceof String s && !s.isBlank()) {
            variables.put(key, s.strip());
          }
        });
    if (channel != null) {
      variables.put("channel", channel);
    }
    receipts.forget();
    ProcessInstance instance;
    try {
      // the definition lookup and the start in one engine command (one transaction, one command
      // context): the start form's own lookup by id then finds the definition in the command's
      // entity cache instead of reading it again, as the engine's start by key does
      instance =
          oneCommand.execute(
              context -> {
                // read as the system, without the query API's READ check: the start form's own
                // CREATE_INSTANCE check is the one that counts
                ProcessDefinitionEntity definition =
                    context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(ComplaintProcess.KEY);
                if (definition == null) {
                  throw new IllegalStateException("complaint-handling is not deployed");
                }
                if (user != null) {
                  identityService.setAuthentication(user, groups);
                }
                return formService.submitStartForm(definition.getId(), variables);
              });
    } catch (FormSubmissionRefused e) {
      // the engine-level form validation or a submission rule refused it (nothing was stored)
      throw InvalidInputException.of(e.fieldErrors());
    } catch (FormException e) {
      throw new InvalidInputException("form", e.getMessage());
    } finally {
      if (user != null) {
        identityService.clearAuthentication();
      }
    }
    // RegisterComplaintDelegate, the process's first step, makes the reference the business key
    String reference = instance.getBusinessKey();
    if (reference == null) {
      throw new IllegalStateException("complaint-handling started without registering the complaint: " + instance.getId());
    }
    return new Started(reference, receipts.takeIssued().orElseThrow());
  }
}
