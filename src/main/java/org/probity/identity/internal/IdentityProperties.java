package org.probity.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code probity.identity.*}: whether the demo accounts exist (embedded H2 only) and the first
 * administrator of a real installation, from the environment ({@code PROBITY_ADMIN_USERNAME},
 * {@code PROBITY_ADMIN_PASSWORD}, ...).
 */
@ConfigurationProperties("probity.identity")
record IdentityProperties(boolean demoUsers, Administrator admin) {

  IdentityProperties {
    admin = admin == null ? new Administrator(null, null, null, null) : admin;
  }

  record Administrator(String username, String password, String displayName, String email) {}
}
