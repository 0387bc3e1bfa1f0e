package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.faults.DynamoDbFaults;
import io.wordfreq.faults.FaultProxy;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB throttling and errors, injected by a loopback proxy between {@code wordfreq count} and
 * DynamoDB Local ({@link DynamoDbFaults}): with moderate faults every item is written and every
 * file's message sent; with faults that do not stop, the run exits 1 naming DynamoDB and saying that
 * the stall limit ended it, and the results queue gets no message at all.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class DynamoDbFaultsTest {
  private static final int FILES = 120;

  @Test
  void moderateFaultsAreRetriedAndEveryItemIsWritten(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    Map<String, Integer> expected = writeFiles(dir);
    DynamoDbFaults faults = new DynamoDbFaults();
    try (FaultProxy proxy = new FaultProxy(aws.dynamoDb(), faults)) {
      CountRun run = count(aws, proxy, dir, "moderate", 60);
      assertEquals(0, run.exit(), run.printed());
      // Every kind of fault happened, more than once.
      for (var kind : List.of(faults.provisioned, faults.throttling, faults.serverErrors, faults.dropped, faults.unprocessed)) {
        assertTrue(kind.get() >= 2, "faults injected: " + faults.injected() + ", passed " + faults.passed);
      }
    }
    Map<String, Map<String, AttributeValue>> items = WrittenResults.items(aws, dir.toString());
    assertEquals(expected.keySet(), items.keySet(), "one item per file");
    items.forEach((name, item) -> {
      assertEquals("success", item.get("Status").s());
      assertEquals("moderate", item.get("RunId").s());
      assertEquals(expected.get(name).toString(), item.get("TotalWords").n(), name);
    });
    assertEquals(expected.keySet(), WrittenResults.drainByKey(aws, dir.toString()).keySet(), "one results-queue message per file");
  }

  @Test
  void unendingFaultsEndTheRunNamingDynamoDbAndSendNoMessage(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    writeFiles(dir);
    DynamoDbFaults faults = new DynamoDbFaults().unending();
    try (FaultProxy proxy = new FaultProxy(aws.dynamoDb(), faults)) {
      int stall = 10;
      CountRun run = count(aws, proxy, dir, "unending", stall);
      assertEquals(1, run.exit(), run.printed());
      assertTrue(run.printed().contains("wordfreq: output failed: dynamodb:" + LocalEndpoints.TABLE), run.printed());
      assertTrue(run.printed().contains("DynamoDB: writing to table " + LocalEndpoints.TABLE + " at " + proxy.uri()),
          run.printed());
      assertTrue(run.printed().contains("made no progress for " + stall + " s"), run.printed());
      assertTrue(run.printed().contains("SQS: nothing sent"), run.printed());
      assertTrue(faults.provisioned.get() > 0);
    }
    assertTrue(WrittenResults.items(aws, dir.toString()).isEmpty(), "nothing written");
    assertTrue(WrittenResults.drain(aws, dir.toString()).isEmpty(), "no message for an item that was not written");
  }

  /** Files named by their word count: {@code f<i>.txt} with i+1 counted words. */
  private static Map<String, Integer> writeFiles(Path dir) throws Exception {
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < FILES; i++) {
      Path f = dir.resolve("f" + i + ".txt");
      Files.writeString(f, "counted ".repeat(i + 1) + "tiny");
      expected.put(f.toString(), i + 1);
    }
    return expected;
  }

  private static CountRun count(LocalEndpoints aws, FaultProxy proxy, Path dir, String runId, int stallSeconds) {
    Map<String, String> props = new HashMap<>(LocalJobProperties.of(aws));
    props.put("spark.hadoop.dynamodb.endpoint", proxy.uri().toString());
    // Small batches: more calls, so the fault pattern comes round many times.
    props.put("spark.hadoop.dynamodb.max.batch.items", "4");
    props.put("spark.wordfreq.dynamodb.stallTimeout", Integer.toString(stallSeconds));
    return CountRun.run(props, List.of("count", "--master", "local[2]", "--input", dir.toString(),
        "--output", "dynamodb", "--table", LocalEndpoints.TABLE, "--run-id", runId,
        "--results-queue-url", aws.resultsQueueUrl()));
  }
}
