package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.dynamodb.DynamoDBItemWritable;
import org.apache.hadoop.dynamodb.write.DynamoDBOutputFormat;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code --output dynamodb}: one item per file in the results table, written from the executors by
 * emr-dynamodb-connector's {@link DynamoDBOutputFormat} (BatchWriteItem puts: a rerun overwrites a
 * file's item). The connector's own settings pass through from the Hadoop configuration
 * ({@code --conf spark.hadoop.dynamodb.throughput.write.percent=0.8}, {@code dynamodb.throughput.write},
 * {@code dynamodb.max.batch.items}, {@code dynamodb.awsAccessKeyId}, ...).
 *
 * <p>Never silent: a DescribeTable on the driver fails fast when DynamoDB or the table is not there,
 * and a watchdog cancels the write when it makes no progress for {@value #STALL_KEY} seconds
 * (default 60) — the connector itself retries for ten minutes per batch.
 *
 * <p>A {@code superseded} record (the object changed after its event) is written from the driver with
 * a condition instead ({@link SupersededItems}): it never replaces a success counted from another
 * version, which a step of the newer event may have written first. The write's own tasks hand those
 * records to the driver (an accumulator), so the output is one Spark job, not a second pass over the
 * results to find them.
 *
 * <p>The run's summary goes to the runs table ({@code --runs-table}, hash key {@code RunId}) with one
 * PutItem from the driver.
 */
public final class DynamoDbOutput implements ResultOutput {
  /** Spark/Hadoop setting: seconds without write progress before the write is cancelled. */
  public static final String STALL_KEY = "spark.wordfreq.dynamodb.stallTimeout";
  private static final Duration DEFAULT_STALL = Duration.ofSeconds(60);
  private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(10);
  /** Present on EMR nodes; the connector's YARN sizing path needs it. */
  private static final Path EMR_JOB_FLOW = Path.of("/mnt/var/lib/info/job-flow.json");

  private final String table;
  private final String runsTable;

  /** Writes to {@code table}, the summary to {@value RunSummaryItems#DEFAULT_TABLE}. */
  public DynamoDbOutput(String table) {
    this(table, RunSummaryItems.DEFAULT_TABLE);
  }

  /**
   * Writes to {@code table}, and the run's summary to {@code runsTable}; region, endpoint and
   * credentials are resolved when writing.
   */
  public DynamoDbOutput(String table, String runsTable) {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("--output dynamodb needs a table (--table NAME)");
    }
    if (runsTable == null || runsTable.isBlank()) {
      throw new IllegalArgumentException("--output dynamodb needs a runs table (--runs-table NAME)");
    }
    this.table = table;
    this.runsTable = runsTable;
  }

  @Override
  public String describe() {
    return "dynamodb:" + table;
  }

  @Override
  public void write(JavaRDD<FileResult> results) throws OutputFailedException {
    SparkContext sc = results.context();
    DynamoDbTarget target;
    try {
      target = DynamoDbTarget.resolve(table, sc.hadoopConfiguration());
    } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
      throw new OutputFailedException("DynamoDB", "no region or a bad endpoint for table " + table
          + " (set AWS_REGION / AWS_ENDPOINT_URL_DYNAMODB or dynamodb.region / dynamodb.endpoint): "
          + OutputFailedException.firstLine(e.getMessage()), e);
    }
    new DynamoDbPreflight(target, PREFLIGHT_TIMEOUT).check();
    JobConf conf = jobConf(sc, target, results.getNumPartitions());
    Duration stall = Duration.ofSeconds(sc.getConf().getLong(STALL_KEY,
        sc.hadoopConfiguration().getLong(STALL_KEY, DEFAULT_STALL.toSeconds())));
    // Updated in the write's result tasks: Spark applies each partition's updates once, however often
    // a task runs (retries, speculation), as for the progress counter.
    CollectionAccumulator<FileResult> supersededSeen = sc.collectionAccumulator("superseded records");
    try {
      new StallWatchdog(sc, stall).run("write results to DynamoDB " + target.where(),
          counter -> items(results.filter(r -> keepUnlessSuperseded(r, supersededSeen)), counter).saveAsHadoopDataset(conf));
      List<FileResult> superseded = supersededSeen.value();
      if (!superseded.isEmpty()) {
        try (DynamoDbClient dynamo = target.client()) {
          SupersededItems.write(dynamo, target.table(), superseded);
        }
      }
    } catch (StallWatchdog.StalledException e) {
      throw new OutputFailedException("DynamoDB", "writing to " + target.where() + " made "
          + e.getMessage() + " (is DynamoDB down or throttling? " + STALL_KEY + " sets the limit)",
          e);
    } catch (Exception e) {
      throw new OutputFailedException("DynamoDB", "writing to " + target.where() + " failed: "
          + OutputFailedException.firstLine(rootMessage(e)), e);
    }
  }

  /** One PutItem from the driver into the runs table (a rerun with the same id overwrites it). */
  @Override
  public void writeSummary(RunSummary summary, Configuration conf) throws OutputFailedException {
    DynamoDbTarget target;
    try {
      target = DynamoDbTarget.resolve(runsTable, conf);
    } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
      throw new OutputFailedException("DynamoDB", "no region or a bad endpoint for table " + runsTable + ": "
          + OutputFailedException.firstLine(e.getMessage()), e);
    }
    try (DynamoDbClient dynamo = target.client()) {
      dynamo.putItem(b -> b.tableName(runsTable).item(RunSummaryItems.toItem(summary)));
    } catch (ResourceNotFoundException e) {
      throw new OutputFailedException("DynamoDB", "the run summary's " + target.where()
          + " does not exist (wordfreq table create makes it)", e);
    } catch (SdkException e) {
      throw new OutputFailedException("DynamoDB", "writing the run summary to " + target.where() + " failed: "
          + OutputFailedException.firstLine(e.getMessage()), e);
    }
  }

  /** True for the records the connector writes; a superseded one goes to {@code superseded} instead. */
  private static boolean keepUnlessSuperseded(FileResult r, CollectionAccumulator<FileResult> superseded) {
    if (r.superseded()) {
      superseded.add(r);
      return false;
    }
    return true;
  }

  private static JavaPairRDD<Text, DynamoDBItemWritable> items(
      JavaRDD<FileResult> results, LongAccumulator counter) {
    return results.mapToPair(r -> {
      counter.add(1);
      return new Tuple2<>(new Text(r.filename()), new DynamoDBItemWritable(DynamoDbItems.toItem(r)));
    });
  }

  /** The connector's job configuration: the Hadoop configuration plus target and defaults. */
  static JobConf jobConf(SparkContext sc, DynamoDbTarget target, int partitions) {
    JobConf conf = new JobConf(sc.hadoopConfiguration());
    conf.setOutputFormat(RetryingDynamoDbOutputFormat.class);
    conf.setOutputKeyClass(Text.class);
    conf.setOutputValueClass(DynamoDBItemWritable.class);
    conf.set("dynamodb.output.tableName", target.table());
    conf.set(DynamoDbTarget.REGION_KEY, target.region());
    if (target.endpoint() != null) {
      conf.set(DynamoDbTarget.ENDPOINT_KEY, target.endpoint().toString());
    }
    // Credentials as every other client finds them, unless given to the connector explicitly.
    if (conf.get("dynamodb.customAWSCredentialsProvider") == null
        && conf.get("dynamodb.awsAccessKeyId") == null) {
      conf.set("dynamodb.customAWSCredentialsProvider", DefaultChainCredentials.class.getName());
    }
    // Outside EMR the connector's YARN sizing path divides by zero; the write rate is then
    // shared among mapreduce.job.maps tasks: one per partition.
    if (conf.get("dynamodb.yarn.enabled") == null && !Files.exists(EMR_JOB_FLOW)) {
      conf.setBoolean("dynamodb.yarn.enabled", false);
    }
    if (conf.get("mapreduce.job.maps") == null) {
      conf.setInt("mapreduce.job.maps", Math.max(1, partitions));
    }
    return conf;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
