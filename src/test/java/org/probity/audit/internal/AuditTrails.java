package org.probity.audit.internal;

import java.util.List;
import javax.sql.DataSource;
import org.probity.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** For harnesses that run without the Spring context: the audit trail on a given database. */
public final class AuditTrails {

  private AuditTrails() {}

  /** The previous hash of the first entry. */
  public static final String GENESIS = JdbcAuditTrail.GENESIS;

  /** Probity's audit trail (the bean's class) on {@code dataSource}. */
  public static AuditTrail on(DataSource dataSource) {
    return new JdbcAuditTrail(
        new JdbcTemplate(dataSource),
        new DataSourceTransactionManager(dataSource),
        new AuditDetails(List.of("name", "email", "phone", "address", "contact", "witness", "complainant")));
  }

  /** The chain's hash of an entry (see {@link JdbcAuditTrail}), for seeding a valid chain directly. */
  public static String hash(
      long seq, long time, String actor, String roles, String action, String subject, String details, String address, String previous) {
    return JdbcAuditTrail.hash(seq, time, actor, roles, action, subject, details, address, previous);
  }
}
