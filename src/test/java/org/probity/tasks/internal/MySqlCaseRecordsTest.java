package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tasks module's tables and Camunda index on MySQL/MariaDB. */
@MySqlTest
class MySqlCaseRecordsTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseDocuments documents;
  @Autowired CaseNotes notes;

  @Test
  void theParentTaskIndexIsCreatedOnCamundasTaskTable() {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.statistics where table_schema = database() "
                    + "and upper(table_name) = 'ACT_RU_TASK' and upper(column_name) = 'PARENT_TASK_ID_' and seq_in_index = 1",
                Integer.class))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void documentsLargerThanABlobAndNotesInAnyScriptAreStored() {
    byte[] text = new byte[300_000]; // more than MySQL's 64 KB BLOB: the column is LONGBLOB
    Arrays.fill(text, (byte) 'a');
    CaseDocuments.Document document = documents.add("MYSQL-CASE-1", "large.txt", text, "investigator");
    assertThat(documents.content(document.id())).isEqualTo(text);
    notes.add("MYSQL-CASE-1", "investigator", "Témoin entendu · شاهد · 証人");
    assertThat(notes.of("MYSQL-CASE-1")).extracting(CaseNotes.Note::body).contains("Témoin entendu · شاهد · 証人");
    assertThat(
            jdbc.queryForList(
                "select table_collation from information_schema.tables where table_schema = database() "
                    + "and table_name in ('case_note', 'case_document')",
                String.class))
        .hasSize(2)
        .allSatisfy(collation -> assertThat(collation).startsWith("utf8mb4"));
  }
}
