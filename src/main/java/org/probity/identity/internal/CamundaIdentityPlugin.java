package org.probity.identity.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Plugs Probity's directory into the engine as its (read-only) identity provider. This also avoids
 * Camunda's identity whitelist, which rejects group ids with a hyphen such as {@code process-admins}:
 * the whitelist guards only identities saved through Camunda's own identity service.
 */
@Component
class CamundaIdentityPlugin extends AbstractProcessEnginePlugin {

  private final JdbcUserDirectory directory;
  private final PasswordEncoder passwordEncoder;

  CamundaIdentityPlugin(JdbcUserDirectory directory, PasswordEncoder passwordEncoder) {
    this.directory = directory;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return ReadOnlyIdentityProvider.class;
          }

          @Override
          public Session openSession() {
            return new CamundaIdentityProvider(directory, passwordEncoder);
          }
        });
  }
}
