package org.probity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The changes administrators make every day pass the deployment rules on each of the four
 * processes: re-route a task to another role, change a deadline (a task's name and documentation).
 * And the same change with a script slipped in is refused.
 */
@ProbityTest
class ProcessChangesTest {

  @Autowired BpmnValidator validator;

  @ParameterizedTest
  @ValueSource(strings = {"complaint-handling", "personnel-vetting", "oversight-review", "equality-program-approval"})
  void aReroutedTaskPassesAndAScriptDoesNot(String key) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(Files.readAllBytes(Path.of("processes", key + ".bpmn"))));
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    List<UserTask> routedByGroup = new ArrayList<>(tasks.stream().filter(t -> t.getCamundaCandidateGroups() != null).toList());
    assertThat(routedByGroup).as("user tasks routed by candidate group in %s", key).isNotEmpty();
    UserTask task = routedByGroup.get(0);
    task.setCamundaCandidateGroups("committee-chair");
    task.setName(task.getName() + " (re-routed)");

    List<Violation> violations = validator.validate(key + ".bpmn", write(model));
    assertThat(violations).as("violations of a good change to %s", key).isEmpty();

    var script = model.newInstance(org.camunda.bpm.model.bpmn.instance.ScriptTask.class);
    script.setId("ScriptTask_Injected");
    script.setScriptFormat("javascript");
    task.getParentElement().addChildElement(script);
    assertThat(validator.validate(key + ".bpmn", write(model)))
        .extracting(Violation::rule)
        .contains("script-task");
  }

  private static byte[] write(BpmnModelInstance model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }
}
