package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.output.ResultsQueueOutput;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The results queue unreachable after the items are written: the run exits 1 naming SQS, the items
 * stay in the table, and a rerun sends the messages — each carrying the rerun's RunId, which is how
 * a consumer tells a recount from a new result.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class ResultsQueueUnreachableTest {

  @Test
  void unreachableQueueFailsNamingSqsAndARerunSendsTheMessages(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      Path f = dir.resolve("r" + i + ".txt");
      Files.writeString(f, "written ".repeat(i + 1) + "queued queued");
      expected.put(f.toString(), Integer.toString(i + 1));
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String unreachable = "http://127.0.0.1:" + closedPort + "/000000000000/" + LocalEndpoints.RESULTS_QUEUE;
    Map<String, String> props = new HashMap<>(LocalJobProperties.of(aws));
    props.put("spark.hadoop." + ResultsQueueOutput.ENDPOINT_KEY, "http://127.0.0.1:" + closedPort);

    CountRun first = CountRun.run(props, args(dir, "first", unreachable));
    assertEquals(1, first.exit(), first.printed());
    assertTrue(first.printed().contains("SQS: cannot send results to queue " + unreachable + " after 0 messages"),
        first.printed());
    assertTrue(!first.printed().contains("output failed: dynamodb"), "DynamoDB was written: " + first.printed());
    Map<String, Map<String, AttributeValue>> items = WrittenResults.items(aws, dir.toString());
    assertEquals(expected.keySet(), items.keySet(), "the items stay");
    items.forEach((name, item) -> {
      assertEquals("first", item.get("RunId").s());
      assertEquals(expected.get(name), item.get("Words").m().get("written").n());
    });
    assertTrue(WrittenResults.drain(aws, dir.toString()).isEmpty());

    CountRun rerun = CountRun.run(LocalJobProperties.of(aws), args(dir, "rerun", aws.resultsQueueUrl()));
    assertEquals(0, rerun.exit(), rerun.printed());
    List<WrittenResults.QueueMessage> messages = WrittenResults.drain(aws, dir.toString());
    assertEquals(expected.keySet(), messages.stream().map(WrittenResults.QueueMessage::key).collect(Collectors.toSet()));
    assertEquals(expected.size(), messages.size(), "one message per file");
    assertEquals(Set.of("rerun"), messages.stream().map(WrittenResults.QueueMessage::runId).collect(Collectors.toSet()));
    assertEquals(expected.keySet(), WrittenResults.items(aws, dir.toString()).keySet(), "still one item per file");
  }

  private static List<String> args(Path dir, String runId, String queue) {
    return List.of("count", "--master", "local[2]", "--input", dir.toString(), "--output", "dynamodb",
        "--table", LocalEndpoints.TABLE, "--run-id", runId, "--results-queue-url", queue);
  }
}
