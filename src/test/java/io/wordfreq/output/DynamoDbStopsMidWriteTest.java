package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.aws.ResultsTable;
import io.wordfreq.counting.WordCount;
import io.wordfreq.local.LocalConfig;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.local.ServerKind;
import io.wordfreq.record.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * DynamoDB Local killed while the connector writes: the write must end in an error naming DynamoDB,
 * bounded by the stall watchdog (short here) rather than the connector's 10 + 10 minutes of retries.
 * Its own servers, since it kills one.
 */
class DynamoDbStopsMidWriteTest {
  private static final int ITEMS = 3000;

  @Test
  void killedDynamoDbFailsTheWriteNamingDynamoDb(@TempDir Path dir) throws Exception {
    try (LocalServers servers = LocalServers.start(LocalConfig.freePorts(dir), true)) {
      LocalEndpoints aws = servers.endpoints();
      try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
        new ResultsTable(dynamo, "wordfreq-kill").createIfAbsent();
      }
      SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("kill")
          .set("spark.ui.enabled", "false")
          .set("spark.hadoop.dynamodb.endpoint", aws.dynamoDb().toString())
          .set("spark.hadoop.dynamodb.region", aws.region())
          .set("spark.hadoop.dynamodb.awsAccessKeyId", aws.accessKeyId())
          .set("spark.hadoop.dynamodb.awsSecretAccessKey", aws.secretAccessKey())
          // A slow write (20 WCU at 50%: ~10 items/s) that is still running when the server dies.
          .set("spark.hadoop.dynamodb.throughput.write", "20")
          .set(DynamoDbOutput.STALL_KEY, "20");
      try (JavaSparkContext sc = new JavaSparkContext(conf)) {
        JavaRDD<FileResult> results = sc.parallelize(results(), 2);
        Thread killer = new Thread(() -> killOnceItemsArrive(servers, aws));
        killer.start();
        OutputFailedException e = assertThrows(OutputFailedException.class,
            () -> new DynamoDbOutput("wordfreq-kill").write(results));
        killer.join();
        assertEquals("DynamoDB", e.service());
        assertTrue(e.getMessage().startsWith("DynamoDB: writing to table wordfreq-kill at " + aws.dynamoDb()),
            e.getMessage());
        assertTrue(e.getMessage().contains("no progress for 20 s"), e.getMessage());
      }
    }
  }

  /** Kills the DynamoDB Local process once the first items are in the table. */
  private static void killOnceItemsArrive(LocalServers servers, LocalEndpoints aws) {
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      while (dynamo.scan(b -> b.tableName("wordfreq-kill").select(Select.COUNT)).count() < 25) {
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessHandle.of(servers.startedPids().get(ServerKind.DYNAMODB)).ifPresent(ProcessHandle::destroyForcibly);
  }

  private static List<FileResult> results() {
    List<FileResult> results = new ArrayList<>(ITEMS);
    for (int i = 0; i < ITEMS; i++) {
      results.add(new FileResult("kill/f" + i + ".txt", "file:/kill/f" + i + ".txt",
          List.of(new WordCount("words", 2)), 2, 1, 12, FileResult.SUCCESS, "", "kill", "2026-11-22T00:00:00Z",
          "classic", 0L, 0L));
    }
    return results;
  }
}
