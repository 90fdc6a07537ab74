package org.probity.tasks.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.probity.common.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/**
 * Documents attached to a case, stored in the database with their SHA-256, size, sniffed type and
 * uploader. A type outside {@link DocumentType}'s allow-list, an empty file or one over the size
 * limit ({@code probity.documents.max-size}) is refused with 400 and nothing is stored.
 */
@Repository
class CaseDocuments {

  record Document(
      String id, String businessKey, String fileName, String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {}

  private final JdbcTemplate jdbc;
  private final long maxSize;

  CaseDocuments(JdbcTemplate jdbc, @Value("${probity.documents.max-size:10MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.maxSize = maxSize.toBytes();
  }

  Document add(String businessKey, String fileName, byte[] content, String uploader) {
    if (content == null || content.length == 0) {
      throw new InvalidInputException("file", "the file is empty");
    }
    if (content.length > maxSize) {
      throw new InvalidInputException("file", "the file is larger than " + maxSize + " bytes");
    }
    DocumentType type =
        DocumentType.sniff(content)
            .orElseThrow(
                () -> new InvalidInputException("file", "only PDF, PNG, JPEG, plain text, DOCX and XLSX files are accepted"));
    Document document =
        new Document(
            UUID.randomUUID().toString(),
            businessKey,
            safeName(fileName),
            type.mediaType,
            content.length,
            sha256(content),
            uploader,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    jdbc.update(
        "insert into case_document (id, business_key, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(),
        document.businessKey(),
        document.fileName(),
        document.contentType(),
        document.size(),
        document.sha256(),
        document.uploadedBy(),
        Timestamp.from(document.uploadedAt()),
        content);
    return document;
  }

  List<Document> of(String businessKey) {
    return jdbc.query(
        "select id, business_key, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from case_document "
            + "where business_key = ? order by uploaded_at, id",
        (rs, i) ->
            new Document(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant()),
        businessKey);
  }

  Optional<Document> find(String businessKey, String id) {
    return of(businessKey).stream().filter(d -> d.id().equals(id)).findFirst();
  }

  byte[] content(String id) {
    return jdbc.queryForObject("select content from case_document where id = ?", (rs, i) -> rs.getBytes(1), id);
  }

  /** The last path segment, without control characters, at most 200 characters. */
  static String safeName(String name) {
    String n = name == null ? "" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (n.isEmpty()) {
      n = "document";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
