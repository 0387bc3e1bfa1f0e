package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.counting.ClassicTokenizer;
import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.local.LocalConfig;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.local.LocalYarn;
import io.wordfreq.local.ServerInstallation;
import io.wordfreq.local.YarnSite;
import io.wordfreq.launcher.local.YarnStepRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The EMR step as EMR runs it, on the local YARN: {@code spark-submit --deploy-mode cluster} of the
 * build's jar read from the embedded S3's code bucket, the DynamoDB connector from
 * {@code target/emr-ddb-hadoop.jar} through {@code --jars}, AWS SDK 2.35.5 ahead of the jar, dynamic
 * allocation with the NodeManagers' shuffle service. One cluster (and one set of embedded AWS servers)
 * for all the tests here: it takes seconds to start and most of a gigabyte.
 *
 * <p>An integration test (failsafe, after {@code package}): it needs {@code target/wordfreq.jar},
 * the deployable jar, and {@code bin/wordfreq}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YarnStepsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(8);

  private Path dir;
  private LocalServers aws;
  private LocalYarn yarn;
  private LocalEndpoints endpoints;
  private YarnSite site;

  @BeforeAll
  void startCluster() throws IOException {
    dir = Files.createTempDirectory("wordfreq-yarn-it");
    LocalConfig config = LocalConfig.freePorts(dir);
    long t0 = System.nanoTime();
    CompletableFuture<LocalYarn> cluster = CompletableFuture.supplyAsync(() -> {
      try {
        return LocalYarn.start(config, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    aws = LocalServers.start(config, true);
    aws.ensureResources();
    endpoints = aws.endpoints();
    yarn = cluster.join();
    yarn.configureSpark(endpoints, Map.of());
    site = yarn.site();
    System.err.printf("YarnStepsIT: AWS servers and YARN + HDFS ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    System.err.printf("YarnStepsIT: local YARN + HDFS ready in %.1f s (%s)%n", yarn.startTime().toMillis() / 1000.0, site.webUi());
    yarn.publishJobJar(endpoints, LocalYarn.buildJobJar());
  }

  @AfterAll
  void stopCluster() throws IOException {
    if (yarn != null) {
      yarn.close();
    }
    if (aws != null) {
      aws.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Uploads put S3 events on the jobs queue; {@code bin/wordfreq launch --once --runner yarn}, with
   * nothing but the environment {@code local up --yarn} writes, runs a YARN application in cluster
   * mode that ends SUCCEEDED; the items are in DynamoDB Local and the messages on the results queue.
   */
  @Test
  void launchOnceRunsTheStepOnYarn() throws Exception {
    String bucket = LocalEndpoints.PROCESSING_BUCKET;
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("e2e/storm night.txt", "keepers keepers keepers lighthouse lighthouse storm");
    texts.put("e2e/harbour.txt", "harbour harbour harbour boats — Hafen Hafen ölfässer");
    texts.put("e2e/empty.txt", "");
    try (S3Client s3 = endpoints.clients().s3()) {
      texts.forEach((key, text) -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text)));
    }

    Path output = dir.resolve("launch.out");
    ProcessBuilder launch = new ProcessBuilder(Path.of("bin", "wordfreq").toAbsolutePath().toString(),
        "launch", "--once", "--runner", "yarn").redirectErrorStream(true).redirectOutput(output.toFile());
    launch.environment().putAll(endpoints.environment());
    launch.environment().putAll(site.environment());
    Process process = launch.start();
    boolean ended = process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String printed = Files.readString(output);
    if (!ended) {
      process.destroyForcibly();
      fail("launch --once did not end within " + STEP_TIMEOUT + ":\n" + printed);
    }
    assertEquals(0, process.exitValue(), printed);
    assertTrue(printed.contains("runner YARN"), printed);
    Matcher application = Pattern.compile("YARN application (application_\\d+_\\d+): final status SUCCEEDED").matcher(printed);
    assertTrue(application.find(), printed);
    assertTrue(printed.contains("--deploy-mode cluster") && printed.contains("s3://wordfreq-code/wordfreq.jar")
        && printed.contains("--jars " + Path.of("target", "emr-ddb-hadoop.jar").toAbsolutePath()), printed);
    assertTrue(printed.contains(application.group(1) + "/wordfreq.jar"), "the job jar went through the staging folder:\n" + printed);
    // EMR's class path: the cluster's newer SDK on the driver JVM's class path, the job jar (with its
    // own SDK copy) in Spark's child class loader, which asks its parent first.
    String launchScript = containerFile(application.group(1), 1, "launch_container.sh");
    String classPath = launchScript.lines().filter(l -> l.startsWith("export CLASSPATH=")).findFirst().orElse("");
    assertTrue(classPath.contains("sdk-core-2.35.5.jar") && !classPath.contains("sdk-core-2.24"), classPath);

    try (DynamoDbClient dynamo = endpoints.clients().dynamoDb(); SqsClient sqs = endpoints.clients().sqs()) {
      Map<String, AttributeValue> storm = item(dynamo, bucket + "/e2e/storm night.txt");
      assertEquals("3", storm.get("Words").m().get("keepers").n());
      assertEquals("2", storm.get("Words").m().get("lighthouse").n());
      Map<String, AttributeValue> harbour = item(dynamo, bucket + "/e2e/harbour.txt");
      assertEquals("3", harbour.get("Words").m().get("harbour").n());
      assertEquals("2", harbour.get("Words").m().get("hafen").n());
      assertEquals("ölfässer", harbour.get("TopWords").l().stream()
          .map(w -> w.m().get("Word").s()).filter(w -> w.startsWith("ö")).findFirst().orElse(""));
      assertEquals("0", item(dynamo, bucket + "/e2e/empty.txt").get("TotalWords").n());
      Map<String, Integer> messages = resultMessages(sqs, endpoints.resultsQueueUrl(), 3);
      assertEquals(Map.of(bucket + "/e2e/storm night.txt", 1, bucket + "/e2e/harbour.txt", 1, bucket + "/e2e/empty.txt", 1),
          messages);
    }
  }

  /**
   * Dynamic allocation as EMR sets it: with many tasks waiting, the driver asks YARN for more than one
   * executor, and YARN runs more than one. (Executors given back after the idle timeout is not
   * asserted: in a step they stay busy until its end, so whether one idles long enough mid-run
   * depends on the machine's load.)
   */
  @Test
  void executorsAreRequestedWhileTasksWait() throws Exception {
    Map<String, byte[]> files = upload("dynamic/", 4, 1_500_000, 17);
    String applicationId = runner().run(step("dynamic", "s3://" + LocalEndpoints.UPLOADING_BUCKET + "/dynamic/", "256k"));

    String driverLog = containerLog(applicationId, 1);
    Matcher requested = Pattern.compile("Requesting (\\d+) new executors? because tasks are backlogged \\(new desired total will be (\\d+)")
        .matcher(driverLog);
    int maxTotal = 0;
    while (requested.find()) {
      maxTotal = Math.max(maxTotal, Integer.parseInt(requested.group(2)));
    }
    assertTrue(maxTotal > 1, "more than one executor asked for while tasks waited:\n" + allocationLines(driverLog));
    assertTrue(executorContainers(applicationId) > 1, "more than one executor container ran");
    assertItemsMatch("dynamic/", files);
  }

  /**
   * An executor's JVM killed in the middle of the counting stage: Spark re-runs what it lost, the
   * application succeeds, and every file's item is there once, with the counts of the whole file.
   */
  @Test
  void aKilledExecutorLosesNothing() throws Exception {
    Map<String, byte[]> files = upload("loss/", 6, 1_500_000, 23);
    String resultsQueue;
    try (SqsClient sqs = endpoints.clients().sqs()) {
      resultsQueue = sqs.createQueue(b -> b.queueName("loss-results")).queueUrl();
    }
    JobStep step = step("loss", "s3://" + LocalEndpoints.UPLOADING_BUCKET + "/loss/", "128k", resultsQueue);
    CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
      try {
        return runner().run(step);
      } catch (SubmissionFailedException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });

    ProcessHandle killed = killAnExecutorMidStage(run, "loss-");
    String applicationId = run.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String driverLog = containerLog(applicationId, 1);
    assertTrue(driverLog.contains("Lost executor"), "the driver saw executor " + killed.pid() + " go:\n" + driverLog);
    assertTrue(driverLog.contains("ExecutorLostFailure"), "tasks it was running were lost and run again:\n" + driverLog);
    assertItemsMatch("loss/", files);
    try (SqsClient sqs = endpoints.clients().sqs()) {
      Map<String, Integer> messages = resultMessages(sqs, resultsQueue, files.size());
      Map<String, Integer> once = new HashMap<>();
      files.keySet().forEach(k -> once.put(LocalEndpoints.UPLOADING_BUCKET + "/" + k, 1));
      assertEquals(once, messages, "one message per file");
    }
  }

  /**
   * Waits until the step's driver has planned its run and an executor of it is running tasks, then
   * kills that executor's JVM (SIGKILL, as a lost node).
   */
  private ProcessHandle killAnExecutorMidStage(CompletableFuture<String> run, String runIdPrefix) throws Exception {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (Instant.now().isBefore(deadline) && !run.isDone()) {
      Optional<ProcessHandle> executor = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("YarnCoarseGrainedExecutorBackend"))
          .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains(currentApplication()))
          // The oldest: registered with the driver and running tasks, not one still starting.
          .min(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MAX)));
      String driverLog = currentApplication().isEmpty() ? "" : containerLogOrEmpty(currentApplication(), 1);
      Matcher progress = Pattern.compile("wordfreq: (\\d+) of (\\d+) counting tasks done").matcher(driverLog);
      boolean midStage = false;
      while (progress.find()) {
        midStage = Integer.parseInt(progress.group(1)) < Integer.parseInt(progress.group(2));
      }
      // Tasks are done and others wait: the executors are each running one.
      if (executor.isPresent() && midStage && driverLog.contains("wordfreq: run " + runIdPrefix)) {
        executor.get().destroyForcibly();
        System.err.println("YarnStepsIT: killed executor JVM " + executor.get().pid() + " of " + currentApplication());
        return executor.get();
      }
      Thread.sleep(200);
    }
    fail("no executor of the step to kill while it counted");
    return null;
  }

  /** The newest application the cluster has logs of (the one running), or "" before the first. */
  private String currentApplication() {
    try {
      return site.containerLogDirs().stream()
          .flatMap(d -> {
            try (Stream<Path> apps = Files.list(d)) {
              return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("application_")).toList().stream();
            } catch (IOException e) {
              return Stream.empty();
            }
          })
          .max(Comparator.comparing((String id) -> Integer.parseInt(id.substring(id.lastIndexOf('_') + 1))))
          .orElse("");
    } catch (RuntimeException e) {
      return "";
    }
  }

  private YarnStepRunner runner() {
    return new YarnStepRunner(site.sparkSubmitCommand(ServerInstallation.locate()), site.environment(), site.webUi(),
        site.containerLogDirs());
  }

  /** The step the launcher's nightly run makes for a prefix, with a split size that makes many tasks. */
  private JobStep step(String name, String prefix, String splitSize) {
    return step(name, prefix, splitSize, null);
  }

  private JobStep step(String name, String prefix, String splitSize, String resultsQueue) {
    StepSettings settings = new StepSettings(LocalYarn.jobJarUri(), StepSettings.MAIN_CLASS,
        List.of(Path.of("target", "emr-ddb-hadoop.jar").toAbsolutePath().toString()), LocalEndpoints.TABLE, resultsQueue);
    JobStep nightly = new JobStepFactory(settings).forPrefix(name + "-" + System.nanoTime(), prefix, "*.txt");
    List<String> args = new ArrayList<>(nightly.args());
    args.addAll(List.of("--split-size", splitSize));
    return new JobStep(nightly.name(), args, nightly.jarIndex());
  }

  /** {@code count} files of about {@code size} bytes of mixed-script text, to the uploading bucket (no S3 events). */
  private Map<String, byte[]> upload(String prefix, int count, int size, long seed) {
    Random random = new Random(seed);
    String[] words = {"the", "of", "and", "river", "mountain", "wörter", "straße", "каша", "водка", "東京", "ciudad",
        "niño", "don't", "e-mail", "A1", "x", "ÉCOLE", "école", "l'été", "ﬁle"};
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (S3Client s3 = endpoints.clients().s3()) {
      for (int i = 0; i < count; i++) {
        StringBuilder text = new StringBuilder(size + 64);
        while (text.length() < size) {
          // Zipf-like: early words far more often, so each file's top ten is stable but not trivial.
          int w = (int) Math.min(words.length - 1, Math.abs(random.nextGaussian()) * 6);
          text.append(words[w]).append(random.nextInt(9) == 0 ? ",\n" : " ");
          if (random.nextInt(50) == 0) {
            text.append("word").append(random.nextInt(2000)).append(' ');
          }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String key = prefix + "file-" + i + ".txt";
        s3.putObject(b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).key(key), RequestBody.fromBytes(bytes));
        files.put(key, bytes);
      }
    }
    return files;
  }

  /** Each file's item has the counting core's top ten and total for the whole file. */
  private void assertItemsMatch(String prefix, Map<String, byte[]> files) {
    try (DynamoDbClient dynamo = endpoints.clients().dynamoDb()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        WordCounts counts = new WordCounts();
        ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
        tokenizer.feed(file.getValue(), 0, file.getValue().length);
        tokenizer.finish();
        Map<String, AttributeValue> item = item(dynamo, LocalEndpoints.UPLOADING_BUCKET + "/" + file.getKey());
        assertEquals("success", item.get("Status").s(), file.getKey());
        assertEquals(Long.toString(counts.totalWords()), item.get("TotalWords").n(), file.getKey());
        for (WordCount top : counts.top(10)) {
          assertEquals(Long.toString(top.count()), item.get("Words").m().get(top.word()).n(), file.getKey() + " " + top.word());
        }
      }
      long items = dynamo.scanPaginator(b -> b.tableName(LocalEndpoints.TABLE)).items().stream()
          .filter(i -> i.get("Filename").s().startsWith(LocalEndpoints.UPLOADING_BUCKET + "/" + prefix)).count();
      assertEquals(files.size(), items, "one item per file");
    }
  }

  private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String filename) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE)
        .key(Map.of("Filename", AttributeValue.fromS(filename))).consistentRead(true)).item();
    assertTrue(item != null && !item.isEmpty(), "no item for " + filename);
    return item;
  }

  /** Receives until {@code expected} messages came (or a quiet spell); counts them per file. */
  private static Map<String, Integer> resultMessages(SqsClient sqs, String queueUrl, int expected) throws IOException {
    Map<String, Integer> perFile = new HashMap<>();
    int received = 0;
    int empty = 0;
    while (empty < 3) {
      int wait = received >= expected ? 1 : 2;
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(wait)).messages();
      if (batch.isEmpty()) {
        empty++;
        continue;
      }
      for (Message m : batch) {
        JsonNode body = JSON.readTree(m.body());
        String file = body.path("Job").path("Bucket").asText() + "/" + body.path("Job").path("Key").asText();
        perFile.merge(file, 1, Integer::sum);
        received++;
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return perFile;
  }

  private String containerLog(String applicationId, int container) throws IOException {
    String log = containerLogOrEmpty(applicationId, container);
    if (log.isEmpty()) {
      fail("no log of container " + container + " of " + applicationId + " under " + site.containerLogDirs());
    }
    return log;
  }

  private String containerLogOrEmpty(String applicationId, int container) {
    return containerFile(applicationId, container, "stderr");
  }

  /** A file of a container's log folder ("" if none yet). */
  private String containerFile(String applicationId, int container, String name) {
    String suffix = String.format("_%06d", container);
    for (Path logDir : site.containerLogDirs()) {
      Path app = logDir.resolve(applicationId);
      if (!Files.isDirectory(app)) {
        continue;
      }
      try (Stream<Path> containers = Files.list(app)) {
        Optional<Path> match = containers.filter(c -> c.getFileName().toString().endsWith(suffix)).findFirst();
        if (match.isPresent() && Files.isRegularFile(match.get().resolve(name))) {
          return Files.readString(match.get().resolve(name), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        return "";
      }
    }
    return "";
  }

  /** The executor containers an application ran (every container but the driver's, _000001). */
  private long executorContainers(String applicationId) throws IOException {
    long n = 0;
    for (Path logDir : site.containerLogDirs()) {
      Path app = logDir.resolve(applicationId);
      if (Files.isDirectory(app)) {
        try (Stream<Path> containers = Files.list(app)) {
          n += containers.filter(c -> !c.getFileName().toString().endsWith("_000001")).count();
        }
      }
    }
    return n;
  }

  private static String allocationLines(String driverLog) {
    return String.join("\n", driverLog.lines().filter(l -> l.contains("ExecutorAllocationManager")).toList());
  }
}
