package org.probity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/**
 * The start-up auto-deployment passes through the same guard: an invalid process in the deployed
 * folder stops the application with the violation named (its own context, on its own in-memory
 * database; it never finishes starting).
 *
 * <p>Camunda keeps its engines in a static registry by name: this test gives its engine another
 * name and sits in {@code org.probity} so that, in alphabetical order, it runs before the shared
 * test context exists; a failed start must not replace the shared context's engine.
 */
class AdminStartupGuardTest {

  @Test
  void aStartWithAnInvalidProcessFailsLoudly() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(ProbityApplication.class)
                    .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:startup-guard;DB_CLOSE_DELAY=-1",
                        "--probity.encryption.key=dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=",
                        "--camunda.bpm.deployment-resource-pattern=classpath*:admin/startup-invalid/*.bpmn",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=startup-guard",
                        "--spring.jmx.enabled=false")
                    .close())
        .satisfies(
            e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                .contains("script-task")
                .contains("UserTask_Review"));
  }
}
