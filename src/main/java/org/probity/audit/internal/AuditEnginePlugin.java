package org.probity.audit.internal;

import org.probity.common.CamundaCommandFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.DelegationState;
import org.probity.audit.AuditAction;
import org.springframework.stereotype.Component;

/**
 * Records what happens inside the engine, whichever door it came through (Probity's pages and API,
 * {@code /engine-rest}, Tasklist, Cockpit, Java): process starts and ends (a cancellation is told
 * apart), claims, unclaims, assignments and delegations of user tasks, task completions with the
 * submitted values, deployments and their deletion.
 *
 * <p>Built-in listeners (added to every parsed process and user task, so that they run even when a
 * caller skips custom listeners) and a command interceptor inside the engine's transaction: each
 * entry commits or rolls back with the engine's work.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private final JdbcAuditTrail trail;

  AuditEnginePlugin(JdbcAuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor());
  }

  /** The user of the request; else the engine's authenticated user; else "system". */
  private static Actor actor() {
    Actor actor = Actor.current();
    if (!Actor.SYSTEM.equals(actor.name())) {
      return actor;
    }
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context != null ? context.getAuthentication() : null;
    if (authentication != null && authentication.getUserId() != null) {
      List<String> groups = authentication.getGroupIds() != null ? authentication.getGroupIds() : List.of();
      return new Actor(authentication.getUserId(), Actor.roles(groups), actor.clientAddress());
    }
    return actor;
  }

  private static String processKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }

  private static String caseOf(String businessKey, String processInstanceId) {
    return businessKey != null ? businessKey : processInstanceId;
  }

  private final class ParseListener extends AbstractBpmnParseListener {
    private final ExecutionListener processStart = this::processStarted;
    private final ExecutionListener processEnd = this::processEnded;
    private final TaskListener taskUpdate = this::taskUpdated;

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processStart);
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processEnd);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, taskUpdate);
      }
    }

    private void processStarted(DelegateExecution execution) {
      trail.record(
          actor(),
          AuditAction.PROCESS_STARTED,
          caseOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId()),
          process(execution));
    }

    private void processEnded(DelegateExecution execution) {
      Map<String, Object> details = process(execution);
      String action = AuditAction.PROCESS_COMPLETED;
      if (execution instanceof ExecutionEntity entity && entity.isCanceled()) {
        action = AuditAction.PROCESS_CANCELLED;
        details.put("reason", entity.getDeleteReason());
      }
      trail.record(actor(), action, caseOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId()), details);
    }

    private Map<String, Object> process(DelegateExecution execution) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("process", processKey(execution.getProcessDefinitionId()));
      details.put("processInstance", execution.getProcessInstanceId());
      return details;
    }

    private void taskUpdated(DelegateTask delegateTask) {
      if (!(delegateTask instanceof TaskEntity task)) {
        return;
      }
      Map<String, PropertyChange> changes = task.getPropertyChanges();
      PropertyChange delegation = changes.get(TaskEntity.DELEGATION);
      PropertyChange assignee = changes.get(TaskEntity.ASSIGNEE);
      Actor actor = actor();
      Map<String, Object> details = task(task);
      String action;
      if (delegation != null && delegation.getNewValue() == DelegationState.PENDING) {
        action = AuditAction.TASK_DELEGATED;
        details.put("to", task.getAssignee());
        details.put("owner", task.getOwner());
      } else if (delegation != null && delegation.getNewValue() == DelegationState.RESOLVED) {
        action = AuditAction.TASK_RESOLVED;
      } else if (assignee != null) {
        Object before = assignee.getOrgValue();
        Object after = assignee.getNewValue();
        details.put("previous", before);
        details.put("assignee", after);
        if (after == null) {
          action = AuditAction.TASK_UNCLAIMED;
        } else if (before == null && after.equals(actor.name())) {
          action = AuditAction.TASK_CLAIMED;
        } else {
          action = AuditAction.TASK_ASSIGNED;
        }
      } else {
        return; // due date, priority and the like: not audited here
      }
      trail.record(actor, action, caseOf(businessKey(task), task.getProcessInstanceId()), details);
    }
  }

  private static Map<String, Object> task(TaskEntity task) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", task.getName());
    details.put("taskId", task.getId());
    details.put("taskDefinition", task.getTaskDefinitionKey());
    details.put("process", processKey(task.getProcessDefinitionId()));
    return details;
  }

  private static String businessKey(TaskEntity task) {
    ExecutionEntity instance = task.getProcessInstance();
    return instance != null ? instance.getBusinessKey() : null;
  }

  /** Inside the command context and its transaction: after the engine's own interceptors. */
  private final class Interceptor extends CommandInterceptor {
    /** Tasks being completed on this thread: a command that completes one may run another for it. */
    private final ThreadLocal<java.util.Set<String>> completing = ThreadLocal.withInitial(java.util.HashSet::new);

    @Override
    public <T> T execute(Command<T> command) {
      if (command.getClass() == CompleteTaskCmd.class || command instanceof SubmitTaskFormCmd) {
        String taskId = (String) CamundaCommandFields.read(command, "taskId");
        if (taskId != null && !completing.get().contains(taskId)) {
          return completion(command, taskId);
        }
      }
      if (command instanceof DeployCmd) {
        T result = next.execute(command);
        if (result instanceof Deployment deployment && isNew(deployment)) {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("deployment", deployment.getName());
          details.put("source", deployment.getSource());
          details.put("resources", resources(deployment));
          trail.record(actor(), AuditAction.DEPLOYMENT_CREATED, deployment.getId(), details);
        }
        return result;
      }
      if (command instanceof DeleteDeploymentCmd) {
        String deploymentId = (String) CamundaCommandFields.read(command, "deploymentId");
        T result = next.execute(command);
        trail.record(actor(), AuditAction.DEPLOYMENT_DELETED, deploymentId, Map.of("cascade", CamundaCommandFields.read(command, "cascade")));
        return result;
      }
      return next.execute(command);
    }

    private <T> T completion(Command<T> command, String taskId) {
      Object values = CamundaCommandFields.read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
      Map<String, Object> details = null;
      String subject = taskId;
      if (task != null) {
        details = task(task);
        subject = caseOf(businessKey(task), task.getProcessInstanceId());
      }
      completing.get().add(taskId);
      T result;
      try {
        result = next.execute(command);
      } finally {
        completing.get().remove(taskId);
      }
      if (details == null) {
        details = new LinkedHashMap<>();
        details.put("taskId", taskId);
      }
      details.put("values", values instanceof Map<?, ?> map ? map : Map.of());
      trail.record(actor(), AuditAction.TASK_COMPLETED, subject, details);
      return result;
    }

    /** A deployment that duplicate filtering answered with an existing one is not new. */
    private boolean isNew(Deployment deployment) {
      CommandContext context = Context.getCommandContext();
      DeploymentEntity cached = context.getDbEntityManager().getCachedEntity(DeploymentEntity.class, deployment.getId());
      return cached != null && context.getDbEntityManager().getDbEntityCache().isTransient(cached);
    }

    private List<String> resources(Deployment deployment) {
      if (deployment instanceof DeploymentEntity entity && entity.getResources() != null) {
        return entity.getResources().keySet().stream().sorted().collect(Collectors.toList());
      }
      return List.of();
    }
  }

}
