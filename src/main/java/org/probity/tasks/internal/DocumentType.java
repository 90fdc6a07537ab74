package org.probity.tasks.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The allow-list of document types, recognised by their content (magic numbers, the parts inside
 * an Office Open XML package, valid UTF-8 text), never by the file name or the browser's claim.
 */
enum DocumentType {
  PDF("application/pdf"),
  PNG("image/png"),
  JPEG("image/jpeg"),
  TEXT("text/plain; charset=UTF-8"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  final String mediaType;

  DocumentType(String mediaType) {
    this.mediaType = mediaType;
  }

  static Optional<DocumentType> sniff(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(PDF);
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of(PNG);
    }
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return officePackage(content);
    }
    return isPlainText(content) ? Optional.of(TEXT) : Optional.empty();
  }

  private static Optional<DocumentType> officePackage(byte[] content) {
    boolean contentTypes = false;
    DocumentType kind = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
        String name = entry.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.equals("word/document.xml")) {
          kind = DOCX;
        } else if (name.equals("xl/workbook.xml")) {
          kind = XLSX;
        } else if (name.toLowerCase().endsWith("vbaproject.bin")) {
          return Optional.empty(); // macros are not accepted
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return contentTypes ? Optional.ofNullable(kind) : Optional.empty();
  }

  /** Valid UTF-8 without control characters other than tab, CR, LF and form feed. */
  private static boolean isPlainText(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
