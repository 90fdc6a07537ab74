package org.probity.audit.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the current request at hand for the audit trail (client address, login method) before any
 * other filter runs: Spring Security's authentication events and Camunda's REST API and webapps act
 * before or outside Spring MVC's own request context.
 */
@Configuration(proxyBeanMethods = false)
class CurrentRequestFilter {

  private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

  static HttpServletRequest current() {
    return CURRENT.get();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> auditCurrentRequestFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                HttpServletRequest outer = CURRENT.get();
                CURRENT.set(request);
                try {
                  chain.doFilter(request, response);
                } finally {
                  if (outer == null) {
                    CURRENT.remove();
                  } else {
                    CURRENT.set(outer);
                  }
                }
              }
            });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
