package org.probity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.personnel.PersonnelQuery;
import org.probity.personnel.PersonnelRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its work in an H2 file: a case started before a restart is there
 * after it. Starts the application twice on its own file database (not the shared test context).
 */
class EmbeddedRestartTest {

  @TempDir Path dataDir;

  @Test
  void workSurvivesARestart() {
    String instanceId;
    try (ConfigurableApplicationContext first = start()) {
      first.getBean(RepositoryService.class)
          .createDeployment()
          .name("routing-probe")
          .addClasspathResource("bpmn/routing-probe.bpmn")
          .deploy();
      instanceId = first.getBean(RuntimeService.class).startProcessInstanceByKey("routing-probe", "CASE-1").getId();
    }
    assertThat(Files.exists(dataDir.resolve("probity.mv.db"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("encryption.key"))).isTrue();
    try (ConfigurableApplicationContext second = start()) {
      RuntimeService runtime = second.getBean(RuntimeService.class);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
          .isEqualTo("CASE-1");
      // the demo personnel are registered once, and their names still decrypt with the kept demo key
      PersonnelRegistry personnel = second.getBean(PersonnelRegistry.class);
      assertThat(personnel.search(PersonnelQuery.byServiceNumber("PD-10")).total()).isEqualTo(10);
      assertThat(personnel.find("PD-1003").orElseThrow().fullName()).isEqualTo("Zoë Ndayishimiye");
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ProbityApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("probity"),
            "--probity.encryption.demo-key-file=" + dataDir.resolve("encryption.key"),
            "--camunda.bpm.job-execution.enabled=false",
            "--spring.jmx.enabled=false");
  }
}
