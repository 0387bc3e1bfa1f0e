package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.counting.ClassicTokenizer;
import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.faults.FaultProxy;
import io.wordfreq.faults.HeldReads;
import io.wordfreq.launcher.local.YarnStepRunner;
import io.wordfreq.local.LocalConfig;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.local.LocalYarn;
import io.wordfreq.local.ServerInstallation;
import io.wordfreq.local.YarnSite;
import io.wordfreq.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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
@Timeout(value = 20, unit = TimeUnit.MINUTES) // each test: a step or two on YARN (STEP_TIMEOUT each)
class YarnStepsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(8);
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private Path dir;
  private LocalServers aws;
  private LocalYarn yarn;
  private LocalEndpoints endpoints;
  private YarnSite site;

  @BeforeAll
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // the cluster, the embedded servers and the job jar's upload
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
   * The plan fits the cluster the step will have, not the driver's first seconds: NodeManagers that
   * advertise 16 vcores in all, 1-core executors, dynamic allocation on and {@code
   * spark.default.parallelism} unset (no executor has registered when the plan is made, so Spark's
   * default parallelism is 2). A batch of 2,000 small files then runs as at least 16 counting tasks
   * (the plan asks YARN for its nodes' vcores), and while they wait the driver asks for more than 4
   * executors. Reads are held at a proxy until the driver has asked (a condition, not a time), so
   * the ramp-up does not race the end of millisecond tasks; every file's item is there afterwards.
   */
  @Test
  void aBatchOfSmallFilesIsPlannedForTheClustersCoresAndAsksForExecutors() throws Exception {
    Map<String, byte[]> files = upload("wide/", 2_000, 400, 17);
    Path eventLogs = Files.createDirectories(dir.resolve("event-logs-wide"));
    HeldReads reads = new HeldReads(path -> path.startsWith("/" + LocalEndpoints.UPLOADING_BUCKET + "/wide/"));
    String applicationId;
    int asked;
    try (FaultProxy proxy = new FaultProxy(endpoints.s3(), reads)) {
      JobStep step = withConf(step("wide", "s3://" + LocalEndpoints.UPLOADING_BUCKET + "/wide/", "128m"), Map.of(
          "spark.hadoop.fs.s3a.bucket." + LocalEndpoints.UPLOADING_BUCKET + ".endpoint", proxy.uri().toString(),
          "spark.eventLog.enabled", "true",
          "spark.eventLog.dir", eventLogs.toUri().toString()));
      CompletableFuture<String> run = runInBackground(step);
      try {
        String running = awaitRunning(run);
        asked = Await.value("the driver of " + running + " asking for more than 4 executors while reads are held",
            STEP_TIMEOUT, () -> {
              assertFalse(run.isDone(), () -> "the step ended while its reads were held: " + outcome(run));
              int total = desiredExecutors(containerLogOrEmpty(running, 1));
              return total > 4 ? Optional.of(total) : Optional.empty();
            });
      } finally {
        reads.release();
      }
      applicationId = run.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    System.err.println("YarnStepsIT: " + applicationId + " asked for " + asked + " executors");

    SparkEventLog log = SparkEventLog.read(eventLogs, applicationId);
    SparkEventLog.Stage counting = log.stages().get(0);
    assertTrue(counting.tasks() >= 16, "the counting stage runs 2,000 small files as at least 16 tasks: " + log.stages());
    assertItemsMatch("wide/", files);
  }

  /** The most executors the driver's allocation manager has asked for so far (its log's desired totals). */
  private static int desiredExecutors(String driverLog) {
    Matcher requested = Pattern.compile("new desired total will be (\\d+)").matcher(driverLog);
    int most = 0;
    while (requested.find()) {
      most = Math.max(most, Integer.parseInt(requested.group(1)));
    }
    return most;
  }

  /**
   * An executor's JVM killed while it runs a counting task: Spark re-runs what it lost, the
   * application succeeds, and every file's item is there once, with the counts of the whole file.
   *
   * <p>The victim is not guessed: every read of the step's objects is held at a proxy in front of the
   * embedded S3 ({@link HeldReads}), so a counting task that started cannot end; the victim is an
   * executor the driver itself reports running a task ({@code activeTasks > 0} in Spark's REST API,
   * through the ResourceManager's proxy). Reads are let go only once its JVM is dead. The driver's
   * event log then must show that executor removed, its tasks ended {@code ExecutorLostFailure}, and
   * each of them run again to success.
   */
  @Test
  void aKilledExecutorLosesNothing() throws Exception {
    Map<String, byte[]> files = upload("loss/", 6, 1_500_000, 23);
    String resultsQueue;
    try (SqsClient sqs = endpoints.clients().sqs()) {
      resultsQueue = sqs.createQueue(b -> b.queueName("loss-results")).queueUrl();
    }
    Path eventLogs = Files.createDirectories(dir.resolve("event-logs"));
    HeldReads reads = new HeldReads(path -> path.startsWith("/" + LocalEndpoints.UPLOADING_BUCKET + "/loss/"));
    String applicationId;
    String victim;
    try (FaultProxy proxy = new FaultProxy(endpoints.s3(), reads)) {
      JobStep step = withConf(step("loss", "s3://" + LocalEndpoints.UPLOADING_BUCKET + "/loss/", "128k", resultsQueue), Map.of(
          // Only the step's input goes through the proxy (the job jar, from the code bucket, does not).
          "spark.hadoop.fs.s3a.bucket." + LocalEndpoints.UPLOADING_BUCKET + ".endpoint", proxy.uri().toString(),
          "spark.ui.enabled", "true",
          "spark.eventLog.enabled", "true",
          "spark.eventLog.dir", eventLogs.toUri().toString()));
      CompletableFuture<String> run = runInBackground(step);
      try {
        String running = awaitRunning(run);
        victim = Await.value("an executor of " + running + " running a task while reads are held", STEP_TIMEOUT, () -> {
          assertFalse(run.isDone(), () -> "the step ended before an executor held a task: " + outcome(run));
          return reads.held() > 0 ? busyExecutor(running) : Optional.empty();
        });
        ProcessHandle jvm = executorJvm(running, victim)
            .orElseThrow(() -> new AssertionError("no JVM of executor " + victim + " of " + running));
        jvm.destroyForcibly();
        jvm.onExit().get(1, TimeUnit.MINUTES);
        System.err.println("YarnStepsIT: killed executor " + victim + " (JVM " + jvm.pid() + ") of " + running
            + " with " + reads.held() + " reads held");
      } finally {
        reads.release();
      }
      applicationId = run.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    SparkEventLog log = SparkEventLog.read(eventLogs, applicationId);
    assertTrue(log.ended(), "the driver logged the application's end");
    assertTrue(log.removedExecutors().contains(victim), "executor " + victim + " removed: " + log.removedExecutors());
    List<SparkEventLog.TaskEnd> lost = log.taskEnds().stream()
        .filter(t -> t.executor().equals(victim) && t.reason().equals("ExecutorLostFailure")).toList();
    assertFalse(lost.isEmpty(), "the task executor " + victim + " held ended ExecutorLostFailure: " + log.taskEnds());
    for (SparkEventLog.TaskEnd t : lost) {
      assertTrue(log.taskEnds().stream().anyMatch(again -> again.stage() == t.stage() && again.index() == t.index()
          && again.attempt() > t.attempt() && again.reason().equals("Success")),
          "task " + t.index() + " of stage " + t.stage() + " ran again to success: " + log.taskEnds());
    }
    assertItemsMatch("loss/", files);
    try (SqsClient sqs = endpoints.clients().sqs()) {
      Map<String, Integer> messages = resultMessages(sqs, resultsQueue, files.size());
      Map<String, Integer> once = new HashMap<>();
      files.keySet().forEach(k -> once.put(LocalEndpoints.UPLOADING_BUCKET + "/" + k, 1));
      assertEquals(once, messages, "one message per file");
    }
  }

  /**
   * The driver of a step's first attempt dies mid-run (its YARN application master killed with SIGKILL,
   * as when a Spot node goes): the YARN runner sees the application FAILED, the failed-step policy
   * resubmits the same manifest as attempt 2/3, and that attempt succeeds. Every file's item is there
   * once with the whole file's counts, the manifest stays under manifests/, and no alert is published.
   * The launcher's output is kept in {@code target/yarn-retry-transcript.log} (the YARN client's reports
   * in it give the time from the failure to the resubmission).
   */
  @Test
  void aStepWhoseDriverDiesIsResubmittedAndItsSecondAttemptCountsEveryFile() throws Exception {
    String bucket = LocalEndpoints.PROCESSING_BUCKET;
    Set<String> before = applicationsWithLogs();
    Map<String, byte[]> files = upload(bucket, "retry/", 3, 1_500_000, 31); // S3 events go to the jobs queue
    String resultsQueue;
    try (SqsClient sqs = endpoints.clients().sqs()) {
      resultsQueue = sqs.createQueue(b -> b.queueName("retry-results")).queueUrl();
    }
    Path output = dir.resolve("retry-launch.out");
    ProcessBuilder launch = new ProcessBuilder(Path.of("bin", "wordfreq").toAbsolutePath().toString(),
        "launch", "--once", "--runner", "yarn", "--results-queue-url", resultsQueue)
        .redirectErrorStream(true).redirectOutput(output.toFile());
    launch.environment().putAll(endpoints.environment());
    launch.environment().putAll(site.environment());
    launch.environment().put("WORDFREQ_MAX_ATTEMPTS", "3");
    Process process = launch.start();
    String first;
    boolean ended;
    try {
      first = killTheDriverOfTheFirstNewApplication(before, process);
      ended = process.waitFor(2 * STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly(); // never left running after the test
      }
    }
    String printed = Files.readString(output);
    Files.writeString(Path.of("target", "yarn-retry-transcript.log"), printed);
    if (!ended) {
      fail("launch --once did not end:\n" + printed);
    }
    assertEquals(0, process.exitValue(), printed);
    assertTrue(printed.contains("YARN application " + first + ": final status FAILED"), printed);
    assertTrue(printed.contains("attempt 1/3: resubmitting as attempt 2/3"), printed);
    Matcher second = Pattern.compile("YARN application (application_\\d+_\\d+): final status SUCCEEDED").matcher(printed);
    assertTrue(second.find(), printed);
    assertTrue(printed.contains("wordfreq batch ") && printed.contains(" attempt 2/3"), printed);

    assertItemsMatch(bucket, "retry/", files);
    try (SqsClient sqs = endpoints.clients().sqs(); S3Client s3 = endpoints.clients().s3()) {
      assertEquals("0", sqs.getQueueAttributes(b -> b.queueUrl(endpoints.alertsQueueUrl())
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), "no alert");
      assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix("_wordfreq/failed/")).contents().isEmpty(), "nothing under failed/");
    }
  }

  /**
   * Waits for the first application not in {@code before} to have started counting (its driver logged
   * its run), then kills its application master's JVM; returns the application's id.
   */
  private String killTheDriverOfTheFirstNewApplication(Set<String> before, Process launcher) throws Exception {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (Instant.now().isBefore(deadline) && launcher.isAlive()) {
      Optional<String> app = applicationsWithLogs().stream().filter(a -> !before.contains(a)).sorted().findFirst();
      if (app.isPresent() && containerLogOrEmpty(app.get(), 1).contains("wordfreq: run ")) {
        Optional<ProcessHandle> am = ProcessHandle.allProcesses()
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("org.apache.spark.deploy.yarn.ApplicationMaster"))
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains(app.get()))
            .findFirst();
        if (am.isPresent()) {
          am.get().destroyForcibly();
          System.err.println("YarnStepsIT: killed the driver (application master JVM " + am.get().pid() + ") of " + app.get());
          return app.get();
        }
      }
      Thread.sleep(100);
    }
    fail("the first attempt's driver never ran (or the launcher ended):\n" + Files.readString(dir.resolve("retry-launch.out")));
    return null;
  }

  /** The applications the NodeManagers have log folders of (every one that started a container). */
  private Set<String> applicationsWithLogs() {
    Set<String> apps = new java.util.TreeSet<>();
    for (Path logDir : site.containerLogDirs()) {
      try (Stream<Path> list = Files.list(logDir)) {
        list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("application_")).forEach(apps::add);
      } catch (IOException e) {
        // not created yet
      }
    }
    return apps;
  }

  /** {@code step} with {@code --conf key=value} for each of {@code conf}, before its jar. */
  private static JobStep withConf(JobStep step, Map<String, String> conf) {
    List<String> args = new ArrayList<>(step.args().subList(0, 1));
    conf.forEach((key, value) -> args.addAll(List.of("--conf", key + "=" + value)));
    args.addAll(step.args().subList(1, step.args().size()));
    return new JobStep(step.name(), args, step.jarIndex() + 2 * conf.size());
  }

  /** Runs {@code step} with the YARN runner on another thread; the future's value is its application id. */
  private CompletableFuture<String> runInBackground(JobStep step) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return runner().run(step);
      } catch (SubmissionFailedException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
  }

  /** The id of the application the ResourceManager reports RUNNING while {@code run} has not ended. */
  private String awaitRunning(CompletableFuture<String> run) {
    try (YarnClient client = yarnClient()) {
      return Await.value("a running YARN application", STEP_TIMEOUT, () -> {
        assertFalse(run.isDone(), () -> "the step ended before it could be observed: " + outcome(run));
        return runningApplication(client);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String outcome(CompletableFuture<String> run) {
    try {
      return "application " + run.join();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** The id of the application the ResourceManager reports RUNNING, if one is (asked with YARN's client API). */
  private Optional<String> runningApplication(YarnClient client) {
    try {
      return client.getApplications(EnumSet.of(YarnApplicationState.RUNNING)).stream()
          .map(report -> report.getApplicationId().toString())
          .findFirst();
    } catch (YarnException | IOException e) {
      return Optional.empty();
    }
  }

  /** A client of the cluster's ResourceManager, configured from the client configuration it wrote. */
  private YarnClient yarnClient() {
    YarnConfiguration conf = new YarnConfiguration();
    for (String file : List.of("core-site.xml", "yarn-site.xml")) {
      conf.addResource(new org.apache.hadoop.fs.Path(site.confDir().resolve(file).toUri()));
    }
    YarnClient client = YarnClient.createYarnClient();
    client.init(conf);
    client.start();
    return client;
  }

  /**
   * An executor the driver reports running a task: Spark's REST API
   * ({@code /api/v1/applications/{id}/executors}) through the ResourceManager's web proxy, which
   * passes requests on to the driver's UI.
   */
  private Optional<String> busyExecutor(String applicationId) {
    URI executors = site.webUi().resolve("/proxy/" + applicationId + "/api/v1/applications/" + applicationId + "/executors");
    return getJson(executors).flatMap(list -> {
      for (JsonNode e : list) {
        if (!e.path("id").asText().equals("driver") && e.path("isActive").asBoolean() && e.path("activeTasks").asInt() > 0) {
          return Optional.of(e.path("id").asText());
        }
      }
      return Optional.empty();
    });
  }

  /** A JSON answer to a GET, or empty while the server cannot give one (not started, no UI yet). */
  private static Optional<JsonNode> getJson(URI uri) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The JVM of executor {@code executorId} of {@code applicationId} (its command line names both). */
  private static Optional<ProcessHandle> executorJvm(String applicationId, String executorId) {
    return ProcessHandle.allProcesses()
        .filter(p -> {
          List<String> args = List.of(p.info().arguments().orElse(new String[0]));
          int id = args.indexOf("--executor-id");
          return args.stream().anyMatch(a -> a.endsWith("YarnCoarseGrainedExecutorBackend"))
              && args.contains(applicationId) && id >= 0 && id + 1 < args.size() && args.get(id + 1).equals(executorId);
        })
        .findFirst();
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
    return upload(LocalEndpoints.UPLOADING_BUCKET, prefix, count, size, seed);
  }

  /** The same into {@code bucket} (the processing bucket's uploads send S3 events to the jobs queue). */
  private Map<String, byte[]> upload(String bucket, String prefix, int count, int size, long seed) {
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
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        files.put(key, bytes);
      }
    }
    return files;
  }

  /** Each file's item has the counting core's top ten and total for the whole file. */
  private void assertItemsMatch(String prefix, Map<String, byte[]> files) {
    assertItemsMatch(LocalEndpoints.UPLOADING_BUCKET, prefix, files);
  }

  private void assertItemsMatch(String bucket, String prefix, Map<String, byte[]> files) {
    try (DynamoDbClient dynamo = endpoints.clients().dynamoDb()) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        WordCounts counts = new WordCounts();
        ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
        tokenizer.feed(file.getValue(), 0, file.getValue().length);
        tokenizer.finish();
        Map<String, AttributeValue> item = item(dynamo, bucket + "/" + file.getKey());
        assertEquals("success", item.get("Status").s(), file.getKey());
        assertEquals(Long.toString(counts.totalWords()), item.get("TotalWords").n(), file.getKey());
        for (WordCount top : counts.top(10)) {
          assertEquals(Long.toString(top.count()), item.get("Words").m().get(top.word()).n(), file.getKey() + " " + top.word());
        }
      }
      long items = dynamo.scanPaginator(b -> b.tableName(LocalEndpoints.TABLE)).items().stream()
          .filter(i -> i.get("Filename").s().startsWith(bucket + "/" + prefix)).count();
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
}
