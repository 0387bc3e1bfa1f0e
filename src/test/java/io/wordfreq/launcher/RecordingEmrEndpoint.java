package io.wordfreq.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * A stand-in for the EMR control plane, which has no local server: a loopback HTTP endpoint (JDK
 * {@code com.sun.net.httpserver}) that records every request the real SDK v2 {@link EmrClient}
 * sends it (operation from {@code X-Amz-Target}, body as JSON) and answers with the minimal valid
 * JSON of each operation. It keeps just enough state for the answers to be consistent: clusters
 * (ListClusters filters by state), a cluster created by RunJobFlow, the scaling policy put or
 * created, steps added (DescribeStep shows each as FAILED, with a log file). {@link #failWith} makes every call answer a 400 ValidationException.
 */
final class RecordingEmrEndpoint implements AutoCloseable {

  /** One recorded request: the operation and its JSON body. */
  record Request(String operation, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, ObjectNode> clusters = new LinkedHashMap<>();
  private final Map<String, JsonNode> policies = new LinkedHashMap<>();
  private final Map<String, ObjectNode> steps = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile String failure;

  RecordingEmrEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A real SDK client pointed at this endpoint. */
  EmrClient client() {
    return EmrClient.builder().endpointOverride(uri()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
  }

  void addCluster(String id, String name, String state) {
    ObjectNode cluster = JSON.createObjectNode().put("Id", id).put("Name", name);
    cluster.putObject("Status").put("State", state);
    clusters.put(id, cluster);
  }

  void failWith(String message) {
    failure = message;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized List<String> operations() {
    return requests.stream().map(Request::operation).toList();
  }

  synchronized Request last(String operation) {
    return requests.stream().filter(r -> r.operation().equals(operation)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + operation + " among " + operations()));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    synchronized (this) {
      requests.add(new Request(operation, body));
    }
    int status = 200;
    JsonNode response;
    if (failure != null) {
      status = 400;
      response = JSON.createObjectNode().put("__type", "ValidationException").put("message", failure);
    } else {
      response = respond(operation, body);
    }
    byte[] bytes = JSON.writeValueAsBytes(response);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private synchronized JsonNode respond(String operation, JsonNode body) {
    ObjectNode out = JSON.createObjectNode();
    switch (operation) {
      case "ListClusters" -> {
        List<String> states = new ArrayList<>();
        body.path("ClusterStates").forEach(s -> states.add(s.asText()));
        ArrayNode list = out.putArray("Clusters");
        clusters.values().stream().filter(c -> states.isEmpty() || states.contains(c.path("Status").path("State").asText())).forEach(list::add);
      }
      case "DescribeCluster" -> {
        ObjectNode cluster = clusters.get(body.path("ClusterId").asText());
        if (cluster == null) {
          throw new UncheckedIOException(new IOException("unknown cluster"));
        }
        out.set("Cluster", cluster);
      }
      case "RunJobFlow" -> {
        String id = "j-CREATED" + ids.incrementAndGet();
        addCluster(id, body.path("Name").asText(), "STARTING");
        if (body.has("ManagedScalingPolicy")) {
          policies.put(id, body.get("ManagedScalingPolicy"));
        }
        out.put("JobFlowId", id).put("ClusterArn", "arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/" + id);
      }
      case "GetManagedScalingPolicy" -> {
        JsonNode policy = policies.get(body.path("ClusterId").asText());
        if (policy != null) {
          out.set("ManagedScalingPolicy", policy);
        }
      }
      case "PutManagedScalingPolicy" -> policies.put(body.path("ClusterId").asText(), body.get("ManagedScalingPolicy"));
      case "AddJobFlowSteps" -> {
        ArrayNode stepIds = out.putArray("StepIds");
        body.path("Steps").forEach(s -> {
          String id = "s-STEP" + ids.incrementAndGet();
          stepIds.add(id);
          // As DescribeStep shows a step that failed: its config, and EMR's failure details with a log file.
          ObjectNode step = JSON.createObjectNode().put("Id", id).put("Name", s.path("Name").asText())
              .put("ActionOnFailure", s.path("ActionOnFailure").asText());
          step.putObject("Config").put("Jar", s.path("HadoopJarStep").path("Jar").asText())
              .set("Args", s.path("HadoopJarStep").path("Args"));
          step.putObject("Status").put("State", "FAILED").putObject("FailureDetails").put("Reason", "Unknown Error.")
              .put("LogFile", "s3://wordfreq-logs/" + body.path("JobFlowId").asText() + "/steps/" + id + "/stderr.gz");
          steps.put(id, step);
        });
      }
      case "DescribeStep" -> {
        ObjectNode step = steps.get(body.path("StepId").asText());
        if (step == null) {
          throw new UncheckedIOException(new IOException("unknown step"));
        }
        out.set("Step", step);
      }
      default -> throw new UncheckedIOException(new IOException("unexpected operation " + operation));
    }
    return out;
  }

  /** The recorded requests as pretty JSON, one block per request (the transcripts in target/emr-requests/). */
  synchronized String transcript() {
    StringBuilder text = new StringBuilder();
    for (Request request : requests) {
      try {
        text.append("// ").append(request.operation()).append('\n')
            .append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request.body())).append("\n\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
