package org.probity.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Camunda batches driven explicitly (the job executor is off in tests). */
public final class Batches {

  private Batches() {}

  /** Seed job, then the batch's jobs, then the monitor job, until the batch is gone. */
  public static void runToEnd(ManagementService management, String batchId) {
    for (int round = 0; round < 10; round++) {
      Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
      if (batch == null) {
        return;
      }
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
        for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
          management.executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("batch " + batchId + " did not finish");
  }
}
