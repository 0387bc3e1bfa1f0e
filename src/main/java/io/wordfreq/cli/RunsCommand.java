package io.wordfreq.cli;

import io.wordfreq.record.TopWordsText;
import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import io.wordfreq.counting.WordCount;
import io.wordfreq.output.RunSummaryItems;
import io.wordfreq.record.RunSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code wordfreq runs}: the recent runs' summaries from the runs table, newest first, one line each
 * with the batch's top words; {@code --run-id ID} shows one run whole.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the recent runs' summaries, newest first, or one run whole.",
    footer = {"", "Region, endpoint and credentials the standard way (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, ...).",
        "Exit codes: 0 ok, 1 no such run or DynamoDB failed, 2 bad usage."})
public final class RunsCommand implements Callable<Integer> {

  @Option(names = "--run-id", paramLabel = "ID", description = "Show this run whole.")
  String runId;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Most runs listed (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_TABLE:-wordfreq}",
      description = "The results table, whose runs table is <table>-runs (default: ${DEFAULT-VALUE}). Env: WORDFREQ_TABLE.")
  String resultsTable;

  @Option(names = "--runs-table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_RUNS_TABLE}",
      description = "The runs table (default: <table>-runs). Env: WORDFREQ_RUNS_TABLE.")
  String runsTable;

  @Spec CommandSpec spec;

  AwsClients aws = AwsClients.fromEnvironment();

  @Override
  public Integer call() {
    if (runId != null && runId.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--run-id needs a run id (wordfreq runs lists them)");
    }
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
    }
    String table = ResultsTable.runsTableFor(resultsTable, runsTable);
    try (DynamoDbClient dynamo = aws.dynamoDb()) {
      if (runId != null) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
            .key(Map.of(ResultsTable.RUNS_HASH_KEY, AttributeValue.fromS(runId)))).item();
        if (item == null || item.isEmpty()) {
          System.err.println("wordfreq runs: no run " + runId + " in table " + table);
          return 1;
        }
        printWhole(RunSummaryItems.toSummary(item), System.out);
        return 0;
      }
      List<RunSummary> runs = newestFirst(dynamo, table);
      if (runs.isEmpty()) {
        System.err.println("wordfreq runs: table " + table + " has no runs yet");
        return 1;
      }
      printList(runs.subList(0, Math.min(limit, runs.size())), System.out);
      return 0;
    } catch (ResourceNotFoundException e) {
      System.err.println("wordfreq runs: DynamoDB has no table " + table + " at "
          + aws.endpoint(AwsClients.DYNAMODB).map(Object::toString).orElse("AWS")
          + " (wordfreq table create makes it)");
      return 1;
    } catch (SdkException | IllegalStateException e) {
      System.err.println("wordfreq runs: DynamoDB: " + e.getMessage());
      return 1;
    }
  }

  /** Every run in the table, newest start first (a Scan: the table holds one small item per run). */
  static List<RunSummary> newestFirst(DynamoDbClient dynamo, String table) {
    List<RunSummary> runs = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(i -> runs.add(RunSummaryItems.toSummary(i)));
    runs.sort(Comparator.comparing(RunSummary::startedAt).thenComparing(RunSummary::runId).reversed());
    return runs;
  }

  /** One line a run: id, start, files ok/failed, MB, seconds, MB/s, rules, the batch's top words. */
  static void printList(List<RunSummary> runs, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"RUN", "STARTED", "OK", "FAILED", "MB", "SECONDS", "MB/S", "RULES", "TOP WORDS"});
    for (RunSummary r : runs) {
      rows.add(new String[] {r.runId(), r.startedAt(), Long.toString(r.filesOk()), Long.toString(r.filesFailed()),
          String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6), String.format(Locale.ROOT, "%.1f", r.wallSeconds()),
          String.format(Locale.ROOT, "%.1f", r.mbps()), r.rules(), words(r.topWords())});
    }
    TextTable.print(rows, column -> column >= 2 && column <= 6, out);
  }

  /** Every attribute of one run, then its top words by rank. */
  static void printWhole(RunSummary r, PrintStream out) {
    out.println("RunId        " + r.runId());
    out.println("StartedAt    " + r.startedAt());
    out.println("EndedAt      " + r.endedAt());
    out.println("Input        " + r.input());
    out.println("Rules        " + r.rules());
    out.printf(Locale.ROOT, "FilesOk      %,d%n", r.filesOk());
    out.printf(Locale.ROOT, "FilesFailed  %,d%n", r.filesFailed());
    out.printf(Locale.ROOT, "Bytes        %,d%n", r.bytes());
    out.printf(Locale.ROOT, "Tokens       %,d%n", r.tokens());
    out.printf(Locale.ROOT, "WallSeconds  %.3f%n", r.wallSeconds());
    out.printf(Locale.ROOT, "MBps         %.2f%n", r.mbps());
    out.println("TopWords");
    out.print(TopWordsText.ranked(r.topWords(), 12));
  }

  private static String words(List<WordCount> top) {
    return TopWordsText.inline(top);
  }
}
