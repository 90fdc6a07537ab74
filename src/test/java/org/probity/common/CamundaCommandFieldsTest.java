package org.probity.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.junit.jupiter.api.Test;

/** The Camunda fields the engine hooks rely on are still there (this fails on an upgrade that renames them). */
class CamundaCommandFieldsTest {

  @Test
  void readsACommandsArgumentsIncludingInheritedOnes() {
    CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("decision", "accept"));
    assertThat((String) CamundaCommandFields.read(complete, "taskId")).isEqualTo("task-1");
    assertThat((Map<String, Object>) CamundaCommandFields.read(complete, "variables")).containsEntry("decision", "accept");
    assertThat((String) CamundaCommandFields.read(new ResolveTaskCmd("task-2", Map.of()), "taskId")).isEqualTo("task-2");
  }

  @Test
  void aMissingFieldFailsLoudly() {
    assertThatThrownBy(() -> CamundaCommandFields.read(new CompleteTaskCmd("t", Map.of()), "renamed"))
        .hasMessageContaining("has no field renamed");
  }
}
