package io.wordfreq.cli;

import io.wordfreq.record.RunIds;
import io.wordfreq.job.input.InputNotFoundException;
import io.wordfreq.job.input.SampleCorpus;
import io.wordfreq.job.read.ByteSizes;
import io.wordfreq.job.read.ReadSettings;
import io.wordfreq.job.run.CountRunner;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.job.run.RunOutcome;
import io.wordfreq.job.run.RunReport;
import io.wordfreq.job.spark.InputWarmup;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.job.spark.StepCapacity;
import io.wordfreq.aws.ResultsTable;
import io.wordfreq.output.OutputFactory;
import io.wordfreq.output.OutputSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wordfreq count}: the Spark driver and the EMR step's main command. Counts the top N words of
 * every input file and writes one record per file to each output. With no input it counts the
 * sample corpus shipped in the jar.
 */
@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Count the top N words of every input file with Spark.",
      "With no --input and no --manifest, counts the sample corpus shipped in the jar."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 some files or outputs failed, 2 bad usage (e.g. an input that does not exist)."
    })
public final class CountCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "URI",
      description = "A file, folder, prefix or glob: file:, s3:, s3a:, hdfs: or a plain path. Repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--manifest", paramLabel = "URI", defaultValue = "${env:WORDFREQ_MANIFEST}",
      description = "A file listing one object URI a line. Env: WORDFREQ_MANIFEST.")
  String manifest;

  @Option(names = "--include", paramLabel = "GLOB", defaultValue = "${env:WORDFREQ_INCLUDE:-*.txt}",
      description = "File-name glob applied inside folders and prefixes (default: ${DEFAULT-VALUE}). Env: WORDFREQ_INCLUDE.")
  String include;

  @Option(names = "--processing-bucket", paramLabel = "BUCKET", split = ",", defaultValue = "${env:WORDFREQ_PROCESSING_BUCKETS}",
      description = "Manifest entries in other buckets are refused (a failure record each); repeatable or comma-separated (default: any bucket). Env: WORDFREQ_PROCESSING_BUCKETS.")
  List<String> processingBuckets = new ArrayList<>();

  @Option(names = "--output", paramLabel = "SPEC", split = ",", defaultValue = "${env:WORDFREQ_OUTPUT:-console}",
      description = "console, jsonl:PATH, parquet:URI (a dataset: one row per file and run, partitioned by run date) or dynamodb; repeatable or comma-separated (default: ${DEFAULT-VALUE}). Env: WORDFREQ_OUTPUT.")
  List<String> outputs;

  @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_TABLE:-wordfreq}",
      description = "DynamoDB table for --output dynamodb (default: ${DEFAULT-VALUE}). Env: WORDFREQ_TABLE.")
  String table;

  @Option(names = "--results-queue-url", paramLabel = "URL", defaultValue = "${env:WORDFREQ_RESULTS_QUEUE_URL}",
      description = "Also send the old worker's message per file to this SQS queue. Env: WORDFREQ_RESULTS_QUEUE_URL.")
  String resultsQueueUrl;

  @Option(names = "--top", paramLabel = "N", defaultValue = "${env:WORDFREQ_TOP:-10}",
      description = "Words kept per file (default: ${DEFAULT-VALUE}). Env: WORDFREQ_TOP.")
  int top;

  @Option(names = "--run-id", paramLabel = "ID", defaultValue = "${env:WORDFREQ_RUN_ID}",
      description = "The batch's id, written to every record (default: generated). Env: WORDFREQ_RUN_ID.")
  String runId;

  @Option(names = "--rules", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_RULES:-classic}",
      description = "Counting rules: classic (the old worker's, byte for byte) or unicode (UAX #29 words) (default: ${DEFAULT-VALUE}). Env: WORDFREQ_RULES.")
  String rules;

  @Option(names = "--min-length", paramLabel = "N", defaultValue = "${env:WORDFREQ_MIN_LENGTH:-3}",
      description = "unicode rules: shortest counted word in code points (default: ${DEFAULT-VALUE}). Env: WORDFREQ_MIN_LENGTH.")
  int minLength;

  @Option(names = "--stopwords", paramLabel = "english|FILE", defaultValue = "${env:WORDFREQ_STOPWORDS}",
      description = "unicode rules: skip these words: english (Snowball's list, shipped with Lucene) or a file (any Hadoop path) with one word a line. Env: WORDFREQ_STOPWORDS.")
  String stopWords;

  @Option(names = "--runs-table", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_RUNS_TABLE}",
      description = "DynamoDB table of run summaries for --output dynamodb (default: <table>-runs). Env: WORDFREQ_RUNS_TABLE.")
  String runsTable;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:WORDFREQ_MASTER}",
      description = "Spark master (default: spark.master if set, as under spark-submit or EMR, else local[*]). Env: WORDFREQ_MASTER.")
  String master;

  @Option(names = "--split-size", paramLabel = "SIZE", defaultValue = "${env:WORDFREQ_SPLIT_SIZE:-128m}",
      converter = SizeConverter.class,
      description = "Files larger than this are counted as parallel byte ranges (default: ${DEFAULT-VALUE}). Env: WORDFREQ_SPLIT_SIZE.")
  long splitSize;

  @Option(names = "--reads-in-flight", paramLabel = "N", defaultValue = "${env:WORDFREQ_READS_IN_FLIGHT}",
      description = "Small files each task reads at once (default: " + ReadSettings.DEFAULT_IN_FLIGHT
          + "; 1 reads them one after another). Env: WORDFREQ_READS_IN_FLIGHT.")
  Integer readsInFlight;

  @Option(names = "--read-buffer", paramLabel = "SIZE", defaultValue = "${env:WORDFREQ_READ_BUFFER}",
      converter = SizeConverter.class,
      description = "Bytes of whole small files each task may hold in memory (default: 64m, less on a small heap). "
          + "Env: WORDFREQ_READ_BUFFER.")
  Long readBuffer;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "${env:WORDFREQ_PARALLELISM}",
      description = "The executor cores the step can reach, which the plan is sized for (default: "
          + "spark.dynamicAllocation.maxExecutors x spark.executor.cores when finite, else the cores present; "
          + "the launcher passes the managed-scaling maximum). Env: WORDFREQ_PARALLELISM.")
  Integer parallelism;

  @Override
  public Integer call() {
    String id = runId == null || runId.isBlank() ? RunIds.next(Instant.now()) : runId;
    SparkConf conf = SparkContexts.conf(master, "wordfreq count " + id);
    CountSettings settings;
    List<ResultOutput> outs;
    try {
      settings = new CountSettings(id, top, splitSize, include,
          processingBuckets == null ? Set.of() : Set.copyOf(processingBuckets),
          RulesOptions.rules(rules, minLength, stopWords, spec.commandLine().getParseResult(),
              () -> SparkContexts.hadoopConfiguration(conf)));
      outs = OutputFactory.create(outputs, new OutputSettings(table, resultsQueueUrl, ResultsTable.runsTableFor(table, runsTable)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<String> in = new ArrayList<>(inputs);
    List<String> manifests = manifest == null || manifest.isBlank() ? List.of() : List.of(manifest);
    if (in.isEmpty() && manifests.isEmpty()) {
      try {
        in.add(SampleCorpus.extract().toUri().toString());
      } catch (IOException e) {
        System.err.println("wordfreq count: cannot unpack the sample corpus: " + e.getMessage());
        return 1;
      }
      System.err.println("wordfreq: no --input given: counting the sample corpus shipped in the jar");
    }
    try {
      readSettings(conf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<String> sources = new ArrayList<>(in);
    sources.addAll(manifests);
    InputWarmup warmup = InputWarmup.start(conf, sources);
    try (SparkContexts.Handle spark = SparkContexts.startOrJoin(conf)) {
      warmup.await();
      RunOutcome outcome = new CountRunner(spark.sc(), settings, new RunReport(System.err)).run(in, manifests, outs);
      return outcome.exitCode();
    } catch (InputNotFoundException e) {
      System.err.println("wordfreq count: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("wordfreq count: listing the input failed: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      // A Spark job that failed as a whole (tasks failing beyond their retries, lost executors): Spark
      // throws its checked SparkException through the Java API undeclared, so this catches Exception.
      System.err.println("wordfreq count: the Spark job failed: " + e.getClass().getSimpleName() + ": "
          + OutputFailedException.firstLine(e.getMessage()));
      return 1;
    }
  }

  /** Puts --reads-in-flight, --read-buffer and --parallelism into the Spark configuration the job reads them from. */
  private void readSettings(SparkConf conf) {
    if (readsInFlight != null) {
      conf.set(ReadSettings.IN_FLIGHT_KEY, String.valueOf(readsInFlight));
    }
    if (readBuffer != null) {
      if (readBuffer <= 0) { // 0 would silently mean the default in the Spark configuration
        throw new IllegalArgumentException("--read-buffer must be positive, not " + readBuffer);
      }
      conf.set(ReadSettings.BUFFER_KEY, String.valueOf(readBuffer));
    }
    ReadSettings.from(conf); // checks the values: a bad one is a usage error before Spark starts
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
      }
      conf.set(StepCapacity.PARALLELISM_KEY, String.valueOf(parallelism));
    }
  }

  /** Reads {@code --split-size} values such as 128m or 1g. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return ByteSizes.parse(value);
    }
  }
}
