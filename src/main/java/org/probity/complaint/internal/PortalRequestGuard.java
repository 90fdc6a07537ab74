package org.probity.complaint.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits of the public portal (JSON API and pages), per client address: submissions (POST) and
 * look-ups (GET) per time window (429 beyond), and the size of a request body (413 beyond; a body
 * of unknown length is refused with 411). Fixed windows in memory: enough against one abusive
 * client on one node; a shared store would be needed behind several nodes.
 */
@Component
class PortalRequestGuard extends OncePerRequestFilter {

  private final ComplaintProperties.Portal limits;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  PortalRequestGuard(ComplaintProperties properties) {
    this.limits = properties.portal();
  }

  private record Window(long startedAt, AtomicInteger count) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/public/") || path.equals("/portal") || path.startsWith("/portal/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    boolean json = request.getRequestURI().contains("/api/");
    if (write) {
      long length = request.getContentLengthLong();
      if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
        refuse(response, HttpStatus.LENGTH_REQUIRED, "A request body must state its length", json);
        return;
      }
      if (length > limits.maxBodyBytes()) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request is larger than " + limits.maxBodyBytes() + " bytes", json);
        return;
      }
    }
    int allowed = write ? limits.submissions() : limits.reads();
    Duration window = write ? limits.submissionWindow() : limits.readWindow();
    if (!admit(request.getRemoteAddr() + (write ? "|w" : "|r"), allowed, window)) {
      response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
      refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from your address; try again later", json);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean admit(String key, int allowed, Duration window) {
    long now = System.currentTimeMillis();
    if (windows.size() > 100_000) {
      windows.values().removeIf(w -> now - w.startedAt() > window.toMillis());
    }
    Window current = windows.compute(key, (k, w) -> w == null || now - w.startedAt() >= window.toMillis() ? new Window(now, new AtomicInteger()) : w);
    return current.count().incrementAndGet() <= allowed;
  }

  /** Forgets every client's count (tests, and an administrator after a false alarm). */
  void reset() {
    windows.clear();
  }

  private static void refuse(HttpServletResponse response, HttpStatus status, String message, boolean json) throws IOException {
    response.setStatus(status.value());
    if (json) {
      response.setContentType("application/json");
      response.getWriter().write(
          "{\"status\":" + status.value() + ",\"error\":\"" + status.getReasonPhrase() + "\",\"message\":\"" + message + "\",\"fields\":{}}");
    } else {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(message);
    }
  }
}
