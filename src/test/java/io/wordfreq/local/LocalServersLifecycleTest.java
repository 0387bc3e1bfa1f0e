package io.wordfreq.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starting, reusing, stopping and restarting the servers as {@code local up} / {@code local down} do:
 * a second start reuses what runs (and restarts only what went away), stopping leaves no process,
 * state survives a restart.
 */
class LocalServersLifecycleTest {

  @Test
  void upTwiceReusesDownStopsAllAndStateSurvivesRestart(@TempDir Path dir) throws Exception {
    LocalServers first = LocalServers.start(LocalConfig.freePorts(dir), true);
    Map<ServerKind, Long> pids = new java.util.EnumMap<>(first.startedPids());
    assertEquals(3, pids.size());
    first.ensureResources();
    LocalEndpoints endpoints = first.endpoints();
    assertTrue(Files.readString(dir.resolve("env")).contains("AWS_ENDPOINT_URL_S3=" + endpoints.s3()));

    AwsWrites.write(endpoints);

    // A second "up" on the same folder starts nothing and answers with the same endpoints.
    try (LocalServers second = LocalServers.start(LocalConfig.freePorts(dir), true)) {
      assertEquals(List.of(), second.startedServers());
      assertEquals(3, second.reusedServers().size());
      assertEquals(endpoints, second.endpoints());
    }
    assertTrue(pids.values().stream().allMatch(pid -> ProcessHandle.of(pid).isPresent()),
        "closing the reusing instance stops nothing");

    // SQS went away: "up" starts only SQS, on the port the running S3 server sends its events to.
    first.stop(ServerKind.SQS);
    LocalServers third = LocalServers.start(LocalConfig.freePorts(dir), true);
    assertEquals(List.of(ServerKind.SQS), third.startedServers());
    assertEquals(endpoints, third.endpoints());
    try (S3Client s3 = endpoints.clients().s3();
        SqsClient sqs = endpoints.clients().sqs()) {
      s3.putObject(
          b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key("after restart.txt"),
          RequestBody.fromString("words"));
      var events = sqs.receiveMessage(b -> b.queueUrl(endpoints.jobsQueueUrl()).waitTimeSeconds(5)).messages();
      assertEquals(1, events.size());
      assertTrue(events.get(0).body().contains("\"key\":\"after+restart.txt\""), events.get(0).body());
    }
    pids.put(ServerKind.SQS, third.startedPids().get(ServerKind.SQS));

    // "down"
    List<String> stopped = LocalServers.stopAll(dir);
    assertEquals(3, stopped.size(), stopped.toString());
    for (long pid : pids.values()) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    }
    assertEquals(List.of(), LocalServers.stopAll(dir), "down twice stops nothing");
    first.close(); // nothing left to stop
    third.close();

    // Restart on other ports: the object, the item and the queued message are still there.
    try (LocalServers again = LocalServers.start(LocalConfig.freePorts(dir), true)) {
      assertEquals(3, again.startedServers().size());
      again.ensureResources();
      AwsWrites.assertStillThere(again.endpoints());
      pids = new java.util.EnumMap<>(again.startedPids());
    }
    for (long pid : pids.values()) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    }
  }

  @Test
  void portTakenByAnotherProgramIsAClearError(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LocalConfig config = LocalConfig.freePorts(dir).withPort(ServerKind.S3, taken.getLocalPort());
      PortInUseException e = assertThrows(PortInUseException.class, () -> LocalServers.start(config, true));
      assertEquals(ServerKind.S3, e.kind());
      assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
      assertFalse(Files.exists(config.pidFile(ServerKind.SQS)), "nothing started");
    }
  }

  /** Writes one of each kind of state, and checks it is still there. */
  private static final class AwsWrites {
    static void write(LocalEndpoints endpoints) {
      try (S3Client s3 = endpoints.clients().s3();
          SqsClient sqs = endpoints.clients().sqs();
          DynamoDbClient dynamo = endpoints.clients().dynamoDb()) {
        s3.putObject(
            b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).key("kept.txt"),
            RequestBody.fromString("kept words"));
        sqs.sendMessage(b -> b.queueUrl(endpoints.resultsQueueUrl()).messageBody("kept message"));
        dynamo.putItem(
            b ->
                b.tableName(LocalEndpoints.TABLE)
                    .item(Map.of("Filename", AttributeValue.fromS("kept.txt"))));
      }
    }

    static void assertStillThere(LocalEndpoints endpoints) {
      try (S3Client s3 = endpoints.clients().s3();
          SqsClient sqs = endpoints.clients().sqs();
          DynamoDbClient dynamo = endpoints.clients().dynamoDb()) {
        assertEquals(
            "kept words",
            s3.getObjectAsBytes(b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).key("kept.txt"))
                .asUtf8String());
        assertTrue(
            dynamo.getItem(
                    b ->
                        b.tableName(LocalEndpoints.TABLE)
                            .key(Map.of("Filename", AttributeValue.fromS("kept.txt"))))
                .hasItem());
        var messages =
            sqs.receiveMessage(b -> b.queueUrl(endpoints.resultsQueueUrl()).waitTimeSeconds(5))
                .messages();
        assertEquals(1, messages.size());
        assertEquals("kept message", messages.get(0).body());
      }
    }
  }
}
