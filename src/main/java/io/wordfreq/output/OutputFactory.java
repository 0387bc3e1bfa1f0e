package io.wordfreq.output;

import io.wordfreq.job.run.ResultOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code --output} specs ({@code console}, {@code jsonl:PATH}, {@code parquet:URI}, {@code dynamodb}) and
 * {@code --results-queue-url} into the run's outputs, in the order given, the results queue last.
 * One case per kind: a new destination is one more case here.
 */
public final class OutputFactory {
  private OutputFactory() {
  }

  /**
   * The outputs of a run.
   *
   * @throws IllegalArgumentException for an unknown or unusable spec (a usage error)
   */
  public static List<ResultOutput> create(List<String> specs, OutputSettings settings) {
    List<ResultOutput> outputs = new ArrayList<>();
    boolean queue = settings.resultsQueueUrl() != null && !settings.resultsQueueUrl().isBlank();
    // With a results queue, the outputs before it report their failures to it.
    WriteLedger ledger = new WriteLedger();
    for (String spec : specs) {
      ResultOutput out = create(spec, settings);
      outputs.add(queue ? ledger.track(out) : out);
    }
    if (queue) {
      outputs.add(new ResultsQueueOutput(settings.resultsQueueUrl(), ledger));
    }
    return outputs;
  }

  static ResultOutput create(String spec, OutputSettings settings) {
    String s = spec.strip();
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon);
    String arg = colon < 0 ? "" : s.substring(colon + 1);
    return switch (kind) {
      case "console" -> new ConsoleOutput(System.out);
      case "jsonl" -> new JsonlOutput(arg);
      case "parquet" -> new ParquetOutput(arg);
      case "dynamodb" -> dynamoDb(settings);
      default -> throw new IllegalArgumentException(
          "unknown output '" + spec + "' (expected console, jsonl:PATH, parquet:URI or dynamodb)");
    };
  }

  private static ResultOutput dynamoDb(OutputSettings settings) {
    return new DynamoDbOutput(settings.table(), settings.runsTable());
  }
}
