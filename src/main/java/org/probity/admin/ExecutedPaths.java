package org.probity.admin;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.probity.common.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A process instance's executed path, read from Camunda's history (historic activity instances).
 * The caller decides who may see it: process administrators on the admin pages, a case's readers
 * on the case page.
 *
 * <p>The rule:
 * <ul>
 *   <li>an activity is <b>completed</b> when one of its historic activity instances ended and was
 *       not cancelled; it is <b>current</b> while one has not ended;
 *   <li>Camunda 7 does not record sequence flows in history, so a flow is <b>taken</b> when its
 *       target activity was reached (has an activity instance) at or after the moment an activity
 *       instance of its source ended, in the same process instance. Where a gateway or a loop
 *       offers several flows into the same target, each one whose source had ended by then is
 *       marked.
 * </ul>
 * Multi-instance bodies ({@code id#multiInstanceBody}) are reported under their activity's id.
 */
@Service
public class ExecutedPaths {

  private final HistoryService historyService;
  private final RepositoryService repositoryService;

  ExecutedPaths(HistoryService historyService, RepositoryService repositoryService) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
  }

  public ExecutedPath of(String processInstanceId) {
    HistoricProcessInstance instance =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      throw new NotFoundException("No process instance " + processInstanceId);
    }
    List<HistoricActivityInstance> activities =
        historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list();
    TreeSet<String> completed = new TreeSet<>();
    TreeSet<String> current = new TreeSet<>();
    for (HistoricActivityInstance activity : activities) {
      String id = elementId(activity.getActivityId());
      if (activity.getEndTime() == null) {
        current.add(id);
      } else if (!activity.isCanceled()) {
        completed.add(id);
      }
    }
    Map<String, List<HistoricActivityInstance>> byActivity =
        activities.stream().collect(Collectors.groupingBy(a -> elementId(a.getActivityId())));
    TreeSet<String> taken = new TreeSet<>();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<HistoricActivityInstance> sources = byActivity.getOrDefault(flow.getSource().getId(), List.of());
      List<HistoricActivityInstance> targets = byActivity.getOrDefault(flow.getTarget().getId(), List.of());
      if (reachedAfter(sources, targets)) {
        taken.add(flow.getId());
      }
    }
    return new ExecutedPath(
        processInstanceId,
        instance.getProcessDefinitionId(),
        instance.getEndTime() != null,
        new ArrayList<>(completed),
        new ArrayList<>(taken),
        new ArrayList<>(current));
  }

  /** True if some target instance started at or after some source instance ended. */
  private static boolean reachedAfter(List<HistoricActivityInstance> sources, List<HistoricActivityInstance> targets) {
    for (HistoricActivityInstance source : sources) {
      Date ended = source.getEndTime();
      if (ended == null) {
        continue;
      }
      for (HistoricActivityInstance target : targets) {
        if (!target.getStartTime().before(ended)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String elementId(String activityId) {
    int hash = activityId.indexOf('#');
    return hash < 0 ? activityId : activityId.substring(0, hash);
  }
}
