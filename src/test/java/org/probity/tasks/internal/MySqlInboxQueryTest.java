package org.probity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.support.MySqlTest;

/** {@link InboxQueryCases} on MySQL/MariaDB, and the inbox's indexes there. */
@MySqlTest
class MySqlInboxQueryTest extends InboxQueryCases {

  @Test
  void theInboxIndexesExistWithAllTheirColumns() throws Exception {
    try (var connection = dataSource.getConnection()) {
      for (TaskIndexes.Index index : TaskIndexes.INDEXES) {
        assertThat(TaskIndexes.hasIndexOn(connection, index)).as(index.name()).isTrue();
      }
      // the check compares every column: an index on the first column alone is not enough
      assertThat(TaskIndexes.hasIndexOn(connection, new TaskIndexes.Index("X", "ACT_RU_IDENTITYLINK", "GROUP_ID_", "TASK_ID_"))).isFalse();
    }
  }
}
