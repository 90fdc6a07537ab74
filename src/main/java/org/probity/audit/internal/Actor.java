package org.probity.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.stream.Collectors;
import org.probity.identity.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who acts: a user name (or "system"), their roles (comma-separated), the client address. */
record Actor(String name, String roles, String clientAddress) {

  static final String SYSTEM = "system";
  static final String ANONYMOUS = "anonymous";

  /** The user of the current request or security context; "system" when there is none. */
  static Actor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (isUser(authentication)) {
      return of(authentication);
    }
    return new Actor(SYSTEM, "", requestAddress());
  }

  static boolean isUser(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  static Actor of(Authentication authentication) {
    return new Actor(
        authentication.getName(),
        roles(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()),
        requestAddress());
  }

  static String roles(Collection<String> authorities) {
    return authorities.stream().filter(a -> Role.byId(a).isPresent()).sorted().distinct().collect(Collectors.joining(","));
  }

  static HttpServletRequest request() {
    HttpServletRequest current = CurrentRequestFilter.current();
    if (current != null) {
      return current;
    }
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest()
        : null;
  }

  static String requestAddress() {
    HttpServletRequest request = request();
    return request != null ? request.getRemoteAddr() : null;
  }
}
