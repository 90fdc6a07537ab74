package org.probity.common;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes Camunda's process engine wait for the database initializers (Flyway for Probity's tables,
 * Liquibase for Camunda's own schema on MySQL): on MySQL the engine does not create its schema
 * itself and would otherwise start against an empty database.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineDatabaseInitializationDetector implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    // names of factory beans come back as "&name"; the dependency is declared on the bean itself
    return Stream.of(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false))
        .map(BeanFactoryUtils::transformedBeanName)
        .collect(Collectors.toSet());
  }
}
