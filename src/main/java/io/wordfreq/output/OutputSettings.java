package io.wordfreq.output;

/**
 * What the outputs need beyond their {@code --output} spec.
 *
 * @param table           the DynamoDB table ({@code --table})
 * @param resultsQueueUrl the results queue's URL ({@code --results-queue-url}), or null for none
 * @param runsTable       the DynamoDB table of run summaries ({@code --runs-table})
 */
public record OutputSettings(String table, String resultsQueueUrl, String runsTable) {

  /** With the default runs table, {@value RunSummaryItems#DEFAULT_TABLE}. */
  public OutputSettings(String table, String resultsQueueUrl) {
    this(table, resultsQueueUrl, RunSummaryItems.DEFAULT_TABLE);
  }
}
