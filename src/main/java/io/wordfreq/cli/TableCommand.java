package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code wordfreq table}: manages the results and runs tables. */
@Command(name = "table", mixinStandardHelpOptions = true,
    description = "Manage the results and runs tables.",
    subcommands = TableCommand.Create.class)
public final class TableCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create");
  }

  /**
   * {@code wordfreq table create}: the results table (hash key {@code Filename}, on-demand
   * billing), as the old worker's createTable did, and the runs table (hash key {@code RunId}); an
   * existing table is left as it is.
   */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create the results table (hash key Filename) and the runs table (hash key RunId), on-demand billing, where they do not exist.",
      footer = {"", "Region, endpoint and credentials the standard way (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, ...)."})
  public static final class Create implements Callable<Integer> {
    @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_TABLE:-wordfreq}",
        description = "The table's name (default: ${DEFAULT-VALUE}). Env: WORDFREQ_TABLE.")
    String table;

    @Option(names = "--runs-table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_RUNS_TABLE}",
        description = "The runs table's name (default: <table>-runs). Env: WORDFREQ_RUNS_TABLE.")
    String runsTable;

    AwsClients aws = AwsClients.fromEnvironment();

    @Override
    public Integer call() {
      String where;
      try {
        where = aws.endpoint(AwsClients.DYNAMODB).map(Object::toString).orElseGet(() -> "AWS " + aws.region());
      } catch (IllegalStateException e) {
        System.err.println("wordfreq table create: " + e.getMessage());
        return 1;
      }
      try (DynamoDbClient dynamo = aws.dynamoDb()) {
        boolean created = new ResultsTable(dynamo, table).createIfAbsent();
        System.out.println((created ? "created table " : "table already exists: ") + table + " at " + where);
        String runs = ResultsTable.runsTableFor(table, runsTable);
        boolean runsCreated = new ResultsTable(dynamo, runs, ResultsTable.RUNS_HASH_KEY).createIfAbsent();
        System.out.println((runsCreated ? "created table " : "table already exists: ") + runs + " at " + where);
        return 0;
      } catch (SdkException | IllegalStateException e) {
        System.err.println("wordfreq table create: DynamoDB at " + where + ": " + e.getMessage());
        return 1;
      }
    }
  }
}
