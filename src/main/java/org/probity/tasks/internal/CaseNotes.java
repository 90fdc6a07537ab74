package org.probity.tasks.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.probity.common.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notes on a case: append-only (no update, no delete), each with its author and time. */
@Repository
class CaseNotes {

  static final int MAX_LENGTH = 4000;

  record Note(String id, String author, Instant createdAt, String body) {}

  private final JdbcTemplate jdbc;

  CaseNotes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String businessKey, String author, String body) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("body", "a note cannot be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidInputException("body", "at most " + MAX_LENGTH + " characters");
    }
    jdbc.update(
        "insert into case_note (id, business_key, author, created_at, body) values (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        businessKey,
        author,
        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
        text);
  }

  List<Note> of(String businessKey) {
    return jdbc.query(
        "select id, author, created_at, body from case_note where business_key = ? order by created_at, id",
        (rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
        businessKey);
  }
}
