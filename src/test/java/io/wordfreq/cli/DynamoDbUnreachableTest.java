package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.testing.HadoopFileSystemCache;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wordfreq count --output dynamodb} with DynamoDB not there (a closed port): a non-zero exit
 * and an error naming DynamoDB, found by the driver's preflight instead of after the connector's
 * ten minutes of retries; and no message that reports success.
 */
@ExtendWith(HadoopFileSystemCache.class)
class DynamoDbUnreachableTest {

  @Test
  void closedPortEndsInNonZeroExitNamingDynamoDb(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "counted words counted");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CountRun run = CountRun.run(Map.of(
        "spark.hadoop.dynamodb.endpoint", "http://127.0.0.1:" + closedPort,
        "spark.hadoop.dynamodb.region", "us-east-1",
        "aws.accessKeyId", "test", "aws.secretAccessKey", "test"),
        List.of("count", "--master", "local[1]",
            "--input", dir.toUri().toString(), "--output", "dynamodb", "--table", "wordfreq",
            "--results-queue-url", "http://127.0.0.1:" + closedPort + "/000000000000/wordfreq-results"));
    int exit = run.exit();
    String printed = run.printed();
    assertEquals(1, exit, printed);
    assertTrue(printed.contains("DynamoDB: cannot reach table wordfreq at http://127.0.0.1:" + closedPort),
        printed);
    assertTrue(printed.contains("SQS: nothing sent"), printed);
    assertFalse(printed.contains("success"), printed);
  }
}
