package org.probity.admin.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the engine's guard cannot do well: refuse an oversized deployment request before Camunda's
 * REST API reads it into memory. Applies to {@code /engine-rest} and to the webapps' own copy of the
 * REST API (Cockpit); runs after Spring Security, so an anonymous caller still gets 401.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentRequestLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> deploymentRequestLimitFilter(AdminProperties properties) {
    long max = properties.validation().maxRequestSize().toBytes();
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit(max));
    registration.setName("probity-deployment-request-limit");
    registration.addUrlPatterns("/engine-rest/deployment/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  private static final class Limit extends OncePerRequestFilter {
    private final long max;

    Limit(long max) {
      this.max = max;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployment/create");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long length = request.getContentLengthLong();
      if (length < 0) {
        refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "A deployment must state its Content-Length");
      } else if (length > max) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The deployment has " + length + " bytes; at most " + max + " are accepted");
      } else {
        chain.doFilter(request, response);
      }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setHeader("Connection", "close");
      String body = "{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}";
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
