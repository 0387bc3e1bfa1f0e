package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.aws.AwsClients;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.JobResultMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code --results-queue-url}: one message per file in the old worker's JobResult format, sent with
 * SendMessageBatch from the driver (the results stream through it a partition at a time). The job
 * calls it last, so a file's message goes out only after its record was written. Entries SQS
 * refuses are retried; what still fails ends the run with an error naming the queue.
 *
 * <p>Each message carries the run's id as the message attribute {@value #RUN_ID_ATTRIBUTE} (the body
 * stays the old worker's format): a message for a bucket and key seen before under another run id is
 * a recount of the same file (a rerun, or a batch submitted again), and one under the same run id a
 * repeat of the same result (SQS delivers at least once).
 */
public final class ResultsQueueOutput implements ResultOutput {
  private static final int MAX_ENTRIES = 10;
  /** SQS's limit for one batch, all bodies together. */
  private static final int MAX_BATCH_BYTES = 256 * 1024;
  private static final int ATTEMPTS = 5;

  /** The message attribute that carries the record's RunId. */
  public static final String RUN_ID_ATTRIBUTE = "RunId";

  /** Hadoop/Spark setting for the SQS endpoint (before {@code AWS_ENDPOINT_URL_SQS}). */
  public static final String ENDPOINT_KEY = "wordfreq.sqs.endpoint";

  private final String queueUrl;
  private final Map<String, String> env;
  private final WriteLedger ledger;

  /**
   * Sends to {@code queueUrl} — if nothing in {@code ledger} failed before. Region from
   * {@code AWS_REGION} (else the SDK's chain), endpoint from {@value #ENDPOINT_KEY},
   * {@code AWS_ENDPOINT_URL_SQS} or {@code AWS_ENDPOINT_URL}, the default credential chain.
   */
  public ResultsQueueOutput(String queueUrl, WriteLedger ledger) {
    this(queueUrl, ledger, System.getenv());
  }

  ResultsQueueOutput(String queueUrl, WriteLedger ledger, Map<String, String> env) {
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new IllegalArgumentException("--results-queue-url needs a queue URL");
    }
    this.queueUrl = queueUrl;
    this.ledger = ledger;
    this.env = Map.copyOf(env);
  }

  @Override
  public String describe() {
    return "sqs:" + queueUrl;
  }

  @Override
  public void write(JavaRDD<FileResult> results) throws OutputFailedException {
    if (!ledger.failed().isEmpty()) {
      throw new OutputFailedException("SQS", "nothing sent to queue " + queueUrl
          + ": messages go only for written results, and " + String.join(", ", ledger.failed())
          + " failed", null);
    }
    String endpointOption = results.context().hadoopConfiguration().get(ENDPOINT_KEY);
    AwsClients aws;
    String region;
    try {
      aws = AwsClients.builder()
          .environment(env)
          .endpoint(AwsClients.SQS, endpointOption == null || endpointOption.isBlank() ? null : URI.create(endpointOption.trim()))
          .build();
      region = aws.region().id();
    } catch (SdkException | IllegalStateException | IllegalArgumentException x) {
      throw new OutputFailedException("SQS", "no region or a bad endpoint for queue " + queueUrl
          + " (set AWS_REGION / AWS_ENDPOINT_URL_SQS): " + OutputFailedException.firstLine(x.getMessage()), x);
    }
    long sent = 0;
    try (SqsClient sqs = client(aws)) {
      List<SendMessageBatchRequestEntry> batch = new ArrayList<>(MAX_ENTRIES);
      int batchBytes = 0;
      Iterator<FileResult> it = results.toLocalIterator();
      while (it.hasNext()) {
        FileResult result = it.next();
        String body = JobResultMessage.toJson(result, region);
        String runId = result.runId() == null ? "" : result.runId();
        // SQS counts attribute names, types and values in the batch size too.
        int bytes = body.getBytes(StandardCharsets.UTF_8).length + RUN_ID_ATTRIBUTE.length() + "String".length()
            + runId.getBytes(StandardCharsets.UTF_8).length;
        if (batch.size() == MAX_ENTRIES || (!batch.isEmpty() && batchBytes + bytes > MAX_BATCH_BYTES)) {
          sent += send(sqs, batch, sent);
          batch.clear();
          batchBytes = 0;
        }
        SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
            .id(Integer.toString(batch.size())).messageBody(body);
        if (!runId.isEmpty()) {
          entry.messageAttributes(Map.of(RUN_ID_ATTRIBUTE,
              MessageAttributeValue.builder().dataType("String").stringValue(runId).build()));
        }
        batch.add(entry.build());
        batchBytes += bytes;
      }
      if (!batch.isEmpty()) {
        sent += send(sqs, batch, sent);
      }
    } catch (SdkException x) {
      throw new OutputFailedException("SQS", "cannot send results to queue " + queueUrl
          + " after " + sent + " messages: " + OutputFailedException.firstLine(x.getMessage()), x);
    }
  }

  /** Sends one batch, retrying the entries SQS did not take; returns how many were sent. */
  private int send(SqsClient sqs, List<SendMessageBatchRequestEntry> batch, long sentBefore)
      throws OutputFailedException {
    List<SendMessageBatchRequestEntry> pending = new ArrayList<>(batch);
    for (int attempt = 1; ; attempt++) {
      List<SendMessageBatchRequestEntry> entries = List.copyOf(pending);
      SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      if (!response.hasFailed() || response.failed().isEmpty()) {
        return batch.size();
      }
      List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
      BatchResultErrorEntry first = response.failed().get(0);
      boolean senderFault = response.failed().stream().anyMatch(BatchResultErrorEntry::senderFault);
      if (senderFault || attempt == ATTEMPTS) {
        throw new OutputFailedException("SQS", "queue " + queueUrl + " refused "
            + failedIds.size() + " message(s) after " + (sentBefore + batch.size() - failedIds.size())
            + " were sent (" + attempt + " attempts): " + first.code() + " " + first.message(), null);
      }
      pending.removeIf(e -> !failedIds.contains(e.id()));
      sleep(200L << attempt);
    }
  }

  private static SqsClient client(AwsClients aws) {
    return aws.configure(SqsClient.builder(), AwsClients.SQS)
        .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30)).build())
        .build();
  }


  private static void sleep(long millis) throws OutputFailedException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutputFailedException("SQS", "interrupted while retrying", e);
    }
  }

}
