package org.probity.identity.internal;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.probity.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The one login. Spring Security authenticates every door with the same accounts:
 * <ul>
 *   <li>{@code /engine-rest/**}: Camunda's REST API, HTTP Basic, stateless, 401 without credentials;
 *   <li>{@code /api/**}: Probity's JSON API, HTTP Basic or the browser session, 401 without either;
 *       {@code /api/public/**} is the public complaint portal;
 *   <li>{@code /actuator/**}: health open for probes, Prometheus metrics for administrators and
 *       auditors, everything else closed;
 *   <li>everything else, including Camunda's webapps under {@code /camunda}: form login.
 * </ul>
 * Camunda's webapps carry their own CSRF protection, so Spring's CSRF guards Probity's own pages and
 * session-authenticated API calls. Method security ({@code @PreAuthorize}) is on for finer rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** Camunda's webapp logout; ending the Spring session too makes "log out" in Cockpit mean it. */
  private static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/default/logout";

  @Bean
  PasswordEncoder passwordEncoder(
      @Value("${probity.identity.verified-passwords.max-entries:10000}") int maxEntries,
      @Value("${probity.identity.verified-passwords.ttl:5m}") Duration ttl) {
    // bcrypt by default; the {id} prefix lets the algorithm be upgraded without a flag day. HTTP
    // Basic checks the password on every request: a just-verified one is remembered briefly
    return new VerifiedCredentials(PasswordEncoderFactories.createDelegatingPasswordEncoder(), maxEntries, ttl, Clock.systemUTC());
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization: in the
   * intake benchmark's profile they were a visible share of every request, and Probity feeds no
   * tracing system. Requests are still timed as a whole ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(
            a -> a.requestMatchers(path("/api/public/**")).permitAll().anyRequest().authenticated())
        .httpBasic(withDefaults())
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // an API call is not a page to come back to after login: no session for the anonymous
        .requestCache(c -> c.requestCache(new NullRequestCache()))
        // a request that carries its own credentials cannot be forged by another site, nor can
        // one without a session cookie (it has no session to ride on: it gets 401, not 403); a
        // session-authenticated one must carry the CSRF token
        .csrf(
            c ->
                c.requireCsrfProtectionMatcher(
                    new AndRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER,
                        request -> request.getRequestedSessionId() != null,
                        new NegatedRequestMatcher(SecurityConfiguration::hasAuthorizationHeader),
                        new NegatedRequestMatcher(path("/api/public/**")))))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(path("/actuator/prometheus"))
                    .hasAnyAuthority(Role.PROCESS_ADMINS.id(), Role.AUDITORS.id())
                    .anyRequest()
                    .denyAll())
        .httpBasic(withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    RequestMatcher logout =
        new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/logout"),
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, CAMUNDA_LOGOUT));
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        path("/login"),
                        path("/error"),
                        path("/css/**"),
                        path("/js/**"),
                        path("/webjars/**"),
                        path("/favicon.ico"),
                        path("/portal/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(
            l ->
                l.logoutRequestMatcher(logout)
                    .logoutSuccessHandler(
                        (request, response, authentication) -> {
                          if (request.getRequestURI().endsWith(CAMUNDA_LOGOUT)) {
                            response.setStatus(HttpStatus.NO_CONTENT.value());
                          } else {
                            response.sendRedirect(request.getContextPath() + "/login?logout");
                          }
                        }))
        .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**")))
        .build();
  }

  /**
   * Paths are matched on the whole path inside the application: Camunda's REST API and webapps are
   * served by their own servlets, not by Spring MVC's dispatcher.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static boolean hasAuthorizationHeader(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }
}
