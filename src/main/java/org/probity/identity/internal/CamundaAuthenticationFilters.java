package org.probity.identity.internal;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;

/**
 * Camunda's own authentication filters, fed by Spring Security (which runs first): Camunda
 * authorization checks then see the logged-in user and their groups.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAuthenticationFilters {

  private static final String PROVIDER_PARAM = "authentication-provider";
  private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("probity-engine-rest-authentication");
    registration.addInitParameter(PROVIDER_PARAM, SpringSecurityCamundaAuthentication.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("probity-webapp-authentication");
    registration.addInitParameter(PROVIDER_PARAM, SpringSecurityCamundaAuthentication.class.getName());
    registration.addUrlPatterns("/camunda/*");
    // after Spring Security, before Camunda's own webapp filters (registered later by its
    // initializer), which read the authentication this one puts in the session
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }
}
