package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code wordfreq runs} against DynamoDB Local after two runs of {@code count --output dynamodb}: both
 * summaries in {@code wordfreq-runs}, listed newest first with their batch top words; one run whole.
 * Another results table's runs go to its own {@code <table>-runs}, as {@code emr/wordfreq.yaml} names it.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class RunsCommandTest {

  @Test
  void listsTwoRunsNewestFirstAndShowsOneWhole(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Files.writeString(first.resolve("a.txt"), "apples apples apples bananas bananas");
    Files.writeString(first.resolve("b.txt"), "bananas bananas cherries");
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(second.resolve("c.txt"), "Москва москва ΟΔΟΣ οδος οδος the the the 1984");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String firstId = "2026-runs-a-" + tag;
    String secondId = "2026-runs-b-" + tag;

    assertEquals(0, count(aws, "--input", first.toString(), "--run-id", firstId));
    assertEquals(0, count(aws, "--input", second.toString(), "--run-id", secondId, "--rules", "unicode",
        "--stopwords", "english"));

    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LocalEndpoints.RUNS_TABLE)
          .key(Map.of("RunId", AttributeValue.fromS(firstId)))).item();
      assertEquals("2", item.get("FilesOk").n());
      assertEquals("0", item.get("FilesFailed").n());
      assertEquals("classic", item.get("Rules").s());
      assertEquals(first.toString(), item.get("Input").s());
      // bananas 4 (2 + 2) outranks apples 3: the batch's own counts.
      assertEquals(AttributeValue.fromM(Map.of("Word", AttributeValue.fromS("bananas"), "Count", AttributeValue.fromN("4"))),
          item.get("TopWords").l().get(0));
      assertTrue(item.get("StartedAt").s().endsWith("Z"));
    }

    String list = runs(aws);
    List<String> lines = list.lines().filter(l -> l.contains(tag)).toList();
    assertEquals(2, lines.size(), list);
    assertTrue(lines.get(0).startsWith(secondId), "newest first:\n" + list);
    assertTrue(lines.get(0).contains("unicode") && lines.get(0).contains("οδος(3) москва(2)"), lines.get(0));
    assertTrue(lines.get(1).startsWith(firstId), list);
    assertTrue(lines.get(1).contains("bananas(4) apples(3) cherries(1)"), lines.get(1));

    String whole = runs(aws, "--run-id", firstId);
    assertTrue(whole.contains("RunId        " + firstId), whole);
    assertTrue(whole.contains("FilesOk      2"), whole);
    assertTrue(whole.matches("(?s).*1\\. bananas +4.*2\\. apples +3.*3\\. cherries +1.*"), whole);

    assertEquals(1, runsExit(aws, "--run-id", "no-such-run"));
    assertEquals(2, runsExit(aws, "--run-id", " "), "a blank id is bad usage, not a DynamoDB error");
  }

  @Test
  void aRunsTableFollowsItsResultsTable(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String table = "wordfreq-custom-" + UUID.randomUUID().toString().substring(0, 8);
    TableCommand.Create create = new TableCommand.Create();
    create.aws = aws.clients();
    assertEquals(0, new picocli.CommandLine(create).execute("--table", table));
    Files.writeString(dir.resolve("a.txt"), "plums plums pears");
    String runId = "2026-custom-" + table;

    assertEquals(0, countInto(aws, table, "--input", dir.toString(), "--run-id", runId));

    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      assertTrue(dynamo.getItem(b -> b.tableName(table + "-runs").key(Map.of("RunId", AttributeValue.fromS(runId))))
          .hasItem(), "the summary is in " + table + "-runs");
      assertTrue(dynamo.getItem(b -> b.tableName(LocalEndpoints.RUNS_TABLE).key(Map.of("RunId", AttributeValue.fromS(runId))))
          .item().isEmpty(), "and not in " + LocalEndpoints.RUNS_TABLE);
    }
    assertTrue(runs(aws, "--table", table).lines().anyMatch(l -> l.startsWith(runId) && l.contains("plums(2)")));
  }

  private static int count(LocalEndpoints aws, String... args) {
    return countInto(aws, LocalEndpoints.TABLE, args);
  }

  private static int countInto(LocalEndpoints aws, String table, String... args) {
    Map<String, String> before = LocalJobProperties.apply(LocalJobProperties.of(aws));
    try {
      List<String> all = new java.util.ArrayList<>(List.of("count", "--master", "local[2]", "--output", "dynamodb",
          "--table", table));
      all.addAll(List.of(args));
      return WordFreqCli.commandLine().execute(all.toArray(String[]::new));
    } finally {
      LocalJobProperties.restore(before);
    }
  }

  /** What {@code wordfreq runs ARGS} prints on standard output; it must exit 0. */
  private static String runs(LocalEndpoints aws, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, runsExit(aws, args));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int runsExit(LocalEndpoints aws, String... args) {
    RunsCommand command = new RunsCommand();
    command.aws = aws.clients();
    return new picocli.CommandLine(command).execute(args);
  }
}
