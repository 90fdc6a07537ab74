package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The document allow-list recognises types by content, whatever the file is called. */
class DocumentTypeTest {

  @Test
  void recognisesTheAllowedTypesByContent() throws Exception {
    assertThat(DocumentType.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(DocumentType.PDF);
    assertThat(DocumentType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(DocumentType.PNG);
    assertThat(DocumentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(DocumentType.JPEG);
    assertThat(DocumentType.sniff("Statement of the witness,\r\nsigned. Déclaration signée.\n".getBytes(StandardCharsets.UTF_8)))
        .contains(DocumentType.TEXT);
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("Report");
      document.write(docx);
    }
    assertThat(DocumentType.sniff(docx.toByteArray())).contains(DocumentType.DOCX);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet("Data").createRow(0).createCell(0).setCellValue(1);
      workbook.write(xlsx);
    }
    assertThat(DocumentType.sniff(xlsx.toByteArray())).contains(DocumentType.XLSX);
  }

  @Test
  void refusesEverythingElse() throws Exception {
    assertThat(DocumentType.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty(); // a Windows executable
    assertThat(DocumentType.sniff(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0})).isEmpty();
    assertThat(DocumentType.sniff(new byte[] {'t', 'e', 'x', 't', 0, 1, 2})).isEmpty(); // binary with a text prefix
    assertThat(DocumentType.sniff(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty(); // invalid UTF-8
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("payload.sh"));
      out.write("echo hi".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(DocumentType.sniff(zip.toByteArray())).isEmpty(); // a plain zip is not an Office document
  }

  @Test
  void fileNamesAreReducedToTheirLastSegment() {
    assertThat(CaseDocuments.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(CaseDocuments.safeName("C:\\Users\\x\\report.pdf")).isEqualTo("report.pdf");
    assertThat(CaseDocuments.safeName("a\"b\nc.txt")).isEqualTo("abc.txt");
    assertThat(CaseDocuments.safeName("")).isEqualTo("document");
  }
}
