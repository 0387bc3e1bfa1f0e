package io.wordfreq.output;

/**
 * What the outputs need beyond their {@code --output} spec.
 *
 * @param table           the DynamoDB table ({@code --table})
 * @param resultsQueueUrl the results queue's URL ({@code --results-queue-url}), or null for none
 */
public record OutputSettings(String table, String resultsQueueUrl) {
}
