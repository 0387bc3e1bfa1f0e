package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import io.wordfreq.output.DynamoDbItems;
import io.wordfreq.record.FileResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code wordfreq results}: reads results back from the DynamoDB table — one file's item
 * (GetItem), or every item (Scan) sorted by file name — and prints them as a table.
 */
@Command(name = "results", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print results from the DynamoDB table: one file, or all.",
    footer = {"", "Region, endpoint and credentials the standard way (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, ...).",
        "Exit codes: 0 ok, 1 the file has no result or DynamoDB failed, 2 bad usage."})
public final class ResultsCommand implements Callable<Integer> {

  @Option(names = "--file", paramLabel = "NAME",
      description = "Only this file: its Filename, e.g. wordfreq-processing/a.txt (bucket/key).")
  String file;

  @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_TABLE:-wordfreq}",
      description = "The results table (default: ${DEFAULT-VALUE}). Env: WORDFREQ_TABLE.")
  String table;

  AwsClients aws = AwsClients.fromEnvironment();

  @Override
  public Integer call() {
    try (DynamoDbClient dynamo = aws.dynamoDb()) {
      List<FileResult> results = read(dynamo, table, file);
      if (results.isEmpty()) {
        System.err.println("wordfreq results: " + (file != null
            ? "no result for " + file + " in table " + table : "table " + table + " is empty"));
        return 1;
      }
      ResultsPrinter.print(results, System.out);
      return 0;
    } catch (ResourceNotFoundException e) {
      System.err.println("wordfreq results: DynamoDB has no table " + table + " at "
          + aws.endpoint(AwsClients.DYNAMODB).map(Object::toString).orElse("AWS"));
      return 1;
    } catch (SdkException | IllegalStateException e) {
      System.err.println("wordfreq results: DynamoDB: " + e.getMessage());
      return 1;
    }
  }

  /** The results in {@code table}: the one of {@code file}, or all (by file name) if it is null. */
  static List<FileResult> read(DynamoDbClient dynamo, String table, String file) {
    List<FileResult> results = new ArrayList<>();
    if (file != null) {
      Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
          .key(Map.of(ResultsTable.HASH_KEY, AttributeValue.fromS(file)))).item();
      if (item != null && !item.isEmpty()) {
        results.add(DynamoDbItems.toResult(item));
      }
      return results;
    }
    dynamo.scanPaginator(b -> b.tableName(table)).items()
        .forEach(item -> results.add(DynamoDbItems.toResult(item)));
    results.sort(Comparator.comparing(FileResult::filename));
    return results;
  }
}
