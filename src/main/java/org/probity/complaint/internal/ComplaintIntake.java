package org.probity.complaint.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ComplaintStore store;
  private final ReceiptCodes receipts;

  ComplaintIntake(
      IntakeRules rules, FormService formService, RepositoryService repositoryService, IdentityService identityService,
      ComplaintStore store, ReceiptCodes receipts) {
    this.rules = rules;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.store = store;
    this.receipts = receipts;
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
    ProcessDefinition definition =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY).latestVersion().singleResult();
    receipts.forget();
    if (user != null) {
      identityService.setAuthentication(user, groups);
    }
    ProcessInstance instance;
    try {
      instance = formService.submitStartForm(definition.getId(), variables);
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
    String reference = store.referenceByProcessInstance(instance.getId()).orElseThrow();
    return new Started(reference, receipts.takeIssued().orElseThrow());
  }
}
