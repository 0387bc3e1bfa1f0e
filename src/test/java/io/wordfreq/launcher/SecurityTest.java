package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.local.LocalConfig;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Security of the local pipeline, on servers of its own that take a recognizable dummy secret key:
 * <ul>
 *   <li>credentials come only from the default chain (the environment here), and the secret appears
 *       in no log (servers, launcher, steps, Spark), no manifest, no object, queue message or item, no
 *       recorded EMR request (step arguments included), and no process command line;</li>
 *   <li>every embedded server listens on loopback only — DynamoDB Local too, through our wrapper.</li>
 * </ul>
 */
class SecurityTest {
  private static final String ACCESS_KEY = "AKIAWORDFREQCANARY01";
  private static final String SECRET = "wfCanarySecret-7f3a9c0d2b-NOT-A-REAL-KEY";
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  @TempDir static Path dir;
  private static LocalServers servers;

  @BeforeAll
  static void start() throws IOException {
    LocalConfig free = LocalConfig.freePorts(dir.resolve("aws"));
    servers = LocalServers.start(new LocalConfig(free.dir(), free.ports(), free.yarnPorts(), "us-east-1", ACCESS_KEY, SECRET), true);
    servers.ensureResources();
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void theSecretAppearsInNoLogRequestArgumentManifestOrCommandLine() throws Exception {
    LocalEndpoints aws = servers.endpoints();
    Path home = WordfreqStandIn.create(dir);
    try (S3Client s3 = aws.clients().s3(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      s3.putObject(b -> b.bucket(BUCKET).key("sec/first file.txt"), RequestBody.fromString("guarded guarded words"));
      s3.putObject(b -> b.bucket(BUCKET).key("sec/second.txt"), RequestBody.fromString("secrets stay secret"));

      Path localLog = dir.resolve("launch-local.log");
      assertEquals(0, launch(aws, home, localLog, Map.of(), "--runner", "local"), Files.readString(localLog));
      Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)
          .key(Map.of("Filename", AttributeValue.fromS(BUCKET + "/sec/first file.txt")))).item();
      assertEquals("2", item.get("Words").m().get("guarded").n(), "the pipeline ran with these credentials");

      s3.putObject(b -> b.bucket(BUCKET).key("sec/third.txt"), RequestBody.fromString("submitted to emr"));
      Path emrLog = dir.resolve("launch-emr.log");
      try (RecordingEmrEndpoint emr = new RecordingEmrEndpoint()) {
        assertEquals(0, launch(aws, home, emrLog, Map.of("AWS_ENDPOINT_URL_EMR", emr.uri().toString()),
            "--runner", "emr", "--job-jar", "s3://wordfreq-code/wordfreq.jar"), Files.readString(emrLog));
        assertTrue(emr.operations().contains("AddJobFlowSteps"), emr.operations().toString());
        String transcript = emr.transcript();
        assertTrue(transcript.contains("sec/") || transcript.contains("_wordfreq/manifests/"), transcript);
        assertFalse(transcript.contains(SECRET), "recorded EMR requests (step arguments included)");
      }

      Map<String, String> places = new LinkedHashMap<>();
      places.put("launcher and step output (local runner)", Files.readString(localLog));
      places.put("launcher output (EMR runner)", Files.readString(emrLog));
      s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("_wordfreq/manifests/")).contents().forEach(o ->
          places.put("manifest " + o.key(), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asUtf8String()));
      assertTrue(places.keySet().stream().filter(k -> k.startsWith("manifest ")).count() >= 2, places.keySet().toString());
      Path env = servers.config().envFile();
      try (Stream<Path> files = Files.walk(servers.config().dir())) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(env)).toList()) {
          places.put(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
      }
      servers.startedPids().forEach((kind, pid) -> places.put(kind + " command line", commandLine(pid)));
      assertTrue(places.keySet().stream().anyMatch(k -> k.endsWith(".log")), "server logs read: " + places.keySet());

      // The search can find it: `local up` writes it to <dir>/env, for the user to source.
      assertTrue(Files.readString(env).contains(SECRET));
      List<String> leaks = new ArrayList<>();
      places.forEach((where, text) -> {
        if (text.contains(SECRET)) {
          leaks.add(where);
        }
      });
      assertEquals(List.of(), leaks, "the secret key leaked into these");
    }
  }

  @Test
  void everyEmbeddedServerListensOnLoopbackOnly() throws IOException {
    LocalEndpoints aws = servers.endpoints();
    for (URI endpoint : List.of(aws.s3(), aws.sqs(), aws.dynamoDb())) {
      List<String> addresses = listeningAddresses(endpoint.getPort());
      assertFalse(addresses.isEmpty(), "something listens on " + endpoint);
      for (String address : addresses) {
        assertTrue(isLoopback(address), endpoint + " listens on " + address + " (all: " + addresses + ")");
      }
    }
  }

  private static int launch(LocalEndpoints aws, Path home, Path log, Map<String, String> extraEnv, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/wordfreq").toString(), "launch", "--once",
        "--queue-url", aws.jobsQueueUrl(), "--results-queue-url", aws.resultsQueueUrl(), "--max-wait", "1",
        "--visibility-timeout", "60"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Credentials only as the default chain finds them: the standard variables.
    pb.environment().putAll(aws.environment());
    pb.environment().putAll(extraEnv);
    pb.environment().put("WORDFREQ_HOME", home.toString());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "launcher ended");
    return p.exitValue();
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The local addresses (hex, as the kernel writes them) of the sockets listening on {@code port}, from
   * the kernel's tables of TCP sockets ({@code /proc/net/tcp}, {@code tcp6}).
   */
  private static List<String> listeningAddresses(int port) throws IOException {
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        String[] local = f[1].split(":");
        if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) { // 0A: LISTEN
          found.add(local[0].toUpperCase(Locale.ROOT));
        }
      }
    }
    return found;
  }

  /** 127.x.x.x (little-endian hex: first byte last), ::1, or ::ffff:127.x.x.x. */
  private static boolean isLoopback(String hex) {
    if (hex.length() == 8) {
      return hex.endsWith("7F");
    }
    return hex.equals("00000000000000000000000001000000")
        || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
  }
}
