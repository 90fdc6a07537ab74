package org.probity.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.probity.support.ProbityTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Spring Boot starter's eventing (every execution, task and history event published as a
 * Spring event) is off: nothing in Probity listens, and it put a listener on every activity and a
 * handler on every history event.
 */
@ProbityTest
class EngineEventingTest {

  @Autowired ProcessEngineConfiguration configuration;

  @Test
  void noEngineEventIsPublishedAsASpringEvent() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    assertThat(Objects.requireNonNullElse(engine.getCustomPostBPMNParseListeners(), List.of()))
        .isNotEmpty() // Probity's own are there
        .noneMatch(PublishDelegateParseListener.class::isInstance);
    assertThat(Objects.requireNonNullElse(engine.getCustomHistoryEventHandlers(), List.of())).noneMatch(PublishHistoryEventHandler.class::isInstance);
  }
}
