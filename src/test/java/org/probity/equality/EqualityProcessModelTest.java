package org.probity.equality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The house rules for processes, checked on equality-program-approval: a deployed form for the
 * start event and every user task, every user task routed, readable ids, delegates that exist as
 * beans, a history time to live, and a diagram shape for every flow node.
 */
@ProbityTest
class EqualityProcessModelTest {

  @Autowired ApplicationContext context;
  final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/equality-program-approval.bpmn"));

  @Test
  void theStartEventAndEveryUserTaskHaveAnExistingFormWhoseIdIsItsFileName() throws Exception {
    List<BaseElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getEventDefinitions().isEmpty() && s.getParentElement() instanceof Process)
        .forEach(withForms::add);
    assertThat(withForms).hasSize(13); // 12 user tasks and the start event
    for (BaseElement element : withForms) {
      String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(formRef).as(element.getId()).isNotNull();
      assertThat(element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding")).isEqualTo("latest");
      Path form = Path.of("forms", formRef + ".form");
      assertThat(form).as(element.getId()).exists();
      JsonNode json = new ObjectMapper().readTree(Files.readString(form));
      assertThat(json.path("id").asText()).isEqualTo(formRef);
    }
  }

  @Test
  void everyUserTaskIsRoutedToAGroupOrAnAssignee() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null).as(task.getId()).isTrue();
    }
  }

  @Test
  void delegatesAndListenersAreBeansAndNoScriptsOrClassesAreUsed() {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).isNull();
      assertThat(task.getCamundaExpression()).isNull();
      String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{(.*)}$", "$1");
      assertThat(bean).endsWith("Delegate");
      assertThat(context.containsBean(bean)).as(bean).isTrue();
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      String bean = listener.getCamundaDelegateExpression().replaceAll("^\\$\\{(.*)}$", "$1");
      assertThat(bean).endsWith("Listener");
      assertThat(context.containsBean(bean)).as(bean).isTrue();
    }
  }

  @Test
  void idsAreReadableEveryNodeHasAShapeAndHistoryHasATimeToLive() {
    var shapes = model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(StartEvent|EndEvent|UserTask|ServiceTask|BusinessRuleTask|Gateway|BoundaryEvent|SubProcess)_[A-Z][A-Za-z]+");
      assertThat(shapes).as("shape of %s", node.getId()).contains(node.getId());
    }
    Process process = model.getModelElementById("equality-program-approval");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
  }
}
