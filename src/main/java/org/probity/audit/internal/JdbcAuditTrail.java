package org.probity.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.probity.audit.AuditEntry;
import org.probity.audit.AuditHead;
import org.probity.audit.AuditTrail;
import org.probity.audit.AuditVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on Probity's database (tables {@code audit_entry} and {@code audit_head}).
 *
 * <p>Inside a transaction (a Spring service's, or the engine's: Camunda runs on Spring's transaction
 * manager) entries are collected and written just before that transaction commits, on its
 * connection: the action and its entries commit or roll back together, and the chain head is locked
 * ({@code select ... for update}) only for the moment of writing. Outside a transaction an entry is
 * written in a transaction of its own.
 *
 * <p>Hash of an entry: SHA-256 (hex) of its canonical form, each field written as
 * {@code <length>:<text>|} (null as {@code -1:|}) in this order: sequence, time (epoch
 * milliseconds), actor, roles, action, subject, details, client address, previous hash.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  static final String GENESIS = "0".repeat(64);
  private static final int PAGE = 1000;
  private static final String COLUMNS =
      "seq, recorded_at, actor, actor_roles, action_code, subject, details, client_address, prev_hash, entry_hash";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditDetails details;
  private final Clock clock = Clock.systemUTC();

  JdbcAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AuditDetails details) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.details = details;
  }

  @Override
  public void record(String action, String subject, Map<String, ?> details) {
    record(Actor.current(), action, subject, details);
  }

  void record(Actor actor, String action, String subject, Map<String, ?> details) {
    if (action == null || action.isBlank() || action.length() > 64) {
      throw new IllegalArgumentException("An audit action is 1 to 64 characters");
    }
    Pending entry =
        new Pending(
            cut(actor.name(), 64),
            cut(actor.roles() == null ? "" : actor.roles(), 500),
            action,
            cut(subject, 255),
            this.details.toJson(details),
            cut(actor.clientAddress(), 64));
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      pendingOfCurrentTransaction().add(entry);
    } else {
      transactions.executeWithoutResult(status -> append(List.of(entry)));
    }
  }

  private List<Pending> pendingOfCurrentTransaction() {
    // synchronizations are suspended with their transaction, so an inner REQUIRES_NEW gets its own
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof WriteBeforeCommit write && write.trail == this) {
        return write.entries;
      }
    }
    WriteBeforeCommit write = new WriteBeforeCommit(this);
    TransactionSynchronizationManager.registerSynchronization(write);
    return write.entries;
  }

  private static final class WriteBeforeCommit implements TransactionSynchronization {
    final JdbcAuditTrail trail;
    final List<Pending> entries = new ArrayList<>();

    WriteBeforeCommit(JdbcAuditTrail trail) {
      this.trail = trail;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!entries.isEmpty()) {
        trail.append(entries);
        entries.clear();
      }
    }

    @Override
    public int getOrder() {
      // after everything else that may still record in beforeCommit
      return LOWEST_PRECEDENCE;
    }
  }

  private record Pending(String actor, String roles, String action, String subject, String details, String address) {}

  /** Appends entries to the chain; the caller's transaction holds the head lock until it ends. */
  private void append(List<Pending> entries) {
    AuditHead head =
        jdbc.queryForObject(
            "select last_seq, last_hash from audit_head where id = 1 for update",
            (rs, i) -> new AuditHead(rs.getLong(1), rs.getString(2)));
    long seq = head.sequence();
    String previous = head.hash();
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (Pending p : entries) {
      seq++;
      long time = clock.millis();
      String hash = hash(seq, time, p.actor(), p.roles(), p.action(), p.subject(), p.details(), p.address(), previous);
      rows.add(new Object[] {seq, time, p.actor(), p.roles(), p.action(), p.subject(), p.details(), p.address(), previous, hash});
      previous = hash;
    }
    jdbc.batchUpdate("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, previous);
  }

  @Override
  public AuditHead head() {
    return jdbc.queryForObject(
        "select last_seq, last_hash from audit_head where id = 1", (rs, i) -> new AuditHead(rs.getLong(1), rs.getString(2)));
  }

  @Override
  public AuditVerification verify() {
    AuditHead head = head();
    long last = 0;
    String previous = GENESIS;
    long count = 0;
    Long broken = null;
    while (true) {
      List<AuditEntry> page =
          jdbc.query(
              "select " + COLUMNS + " from audit_entry where seq > ? and seq <= ? order by seq limit " + PAGE,
              ENTRY,
              last,
              head.sequence());
      for (AuditEntry entry : page) {
        count++;
        if (broken == null) {
          if (entry.sequence() != last + 1) {
            broken = last + 1; // missing entries, or ones moved to other places
          } else if (!previous.equals(entry.previousHash()) || !hashOf(entry).equals(entry.hash())) {
            broken = entry.sequence();
          }
        }
        previous = entry.hash();
        last = entry.sequence();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (broken == null) {
      if (last != head.sequence()) {
        broken = last + 1; // entries cut from the end
      } else if (!previous.equals(head.hash())) {
        broken = last;
      } else {
        // an entry beyond the head was written around Probity: committed entries always move the head
        Long highest = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        AuditHead now = head();
        if (highest != null && highest > now.sequence()) {
          broken = now.sequence() + 1;
        }
      }
    }
    return new AuditVerification(broken == null, count, broken);
  }

  @Override
  public void forEachEntry(Instant from, Instant to, long upToSequence, Consumer<AuditEntry> sink) {
    // entries are written in time order, so the time range is a sequence range: walk it by key
    Long first = jdbc.queryForObject("select min(seq) from audit_entry where recorded_at >= ?", Long.class, from.toEpochMilli());
    if (first == null) {
      return;
    }
    long last = first - 1;
    while (true) {
      List<AuditEntry> page =
          jdbc.query(
              "select " + COLUMNS + " from audit_entry where seq > ? and seq <= ? order by seq limit " + PAGE,
              ENTRY,
              last,
              upToSequence);
      for (AuditEntry entry : page) {
        last = entry.sequence();
        if (!entry.time().isBefore(to)) {
          return;
        }
        if (!entry.time().isBefore(from)) {
          sink.accept(entry);
        }
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private static final RowMapper<AuditEntry> ENTRY =
      (rs, i) ->
          new AuditEntry(
              rs.getLong(1),
              Instant.ofEpochMilli(rs.getLong(2)),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10));

  static String hashOf(AuditEntry e) {
    return hash(
        e.sequence(),
        e.time().toEpochMilli(),
        e.actor(),
        e.roles(),
        e.action(),
        e.subject(),
        e.details(),
        e.clientAddress(),
        e.previousHash());
  }

  static String hash(
      long seq, long time, String actor, String roles, String action, String subject, String details, String address, String previous) {
    StringBuilder canonical = new StringBuilder(256);
    for (String field :
        new String[] {Long.toString(seq), Long.toString(time), actor, roles, action, subject, details, address, previous}) {
      if (field == null) {
        canonical.append("-1:|");
      } else {
        canonical.append(field.length()).append(':').append(field).append('|');
      }
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
