package org.probity.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.audit.AuditAction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records logins, failed logins and logouts from Spring Security's authentication events.
 *
 * <p>HTTP Basic authenticates every request of {@code /api} and {@code /engine-rest} again; one
 * entry per request would drown the trail. So every failure is recorded, but a Basic success only
 * once per user and client address within {@code probity.audit.basic-login-window} (default one
 * hour; remembered in a bounded in-memory table, so a restart may record one more).
 */
@Component
class AuthenticationAuditListener {

  private static final int REMEMBERED = 10_000;

  private final JdbcAuditTrail trail;
  private final long windowMillis;
  private final Map<String, Long> lastBasicLogin =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > REMEMBERED;
        }
      };

  AuthenticationAuditListener(JdbcAuditTrail trail, @Value("${probity.audit.basic-login-window:PT1H}") Duration window) {
    this.trail = trail;
    this.windowMillis = window.toMillis();
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    Actor actor = Actor.of(event.getAuthentication());
    String method = method(Actor.request());
    if ("basic".equals(method) && !firstInWindow(actor)) {
      return;
    }
    trail.record(actor, AuditAction.LOGIN, actor.name(), Map.of("method", method));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Actor anonymous = new Actor(Actor.ANONYMOUS, "", Actor.requestAddress());
    trail.record(
        anonymous,
        AuditAction.LOGIN_FAILED,
        String.valueOf(event.getAuthentication().getName()),
        Map.of("method", method(Actor.request()), "reason", event.getException().getClass().getSimpleName()));
  }

  @EventListener
  void onLogout(LogoutSuccessEvent event) {
    Actor actor = Actor.of(event.getAuthentication());
    trail.record(actor, AuditAction.LOGOUT, actor.name(), null);
  }

  private boolean firstInWindow(Actor actor) {
    String key = actor.name() + "\u0000" + actor.clientAddress();
    long now = System.currentTimeMillis();
    synchronized (lastBasicLogin) {
      Long last = lastBasicLogin.get(key);
      if (last != null && now - last < windowMillis) {
        return false;
      }
      lastBasicLogin.put(key, now);
      return true;
    }
  }

  private static String method(HttpServletRequest request) {
    if (request == null) {
      return "other";
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "basic";
    }
    return "POST".equals(request.getMethod()) ? "form" : "other";
  }
}
