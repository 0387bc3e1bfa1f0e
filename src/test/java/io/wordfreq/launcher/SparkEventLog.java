package io.wordfreq.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A finished Spark application's event log ({@code spark.eventLog.enabled}, uncompressed): the
 * driver's own structured record of what its scheduler saw — which tasks ended how, on which
 * executor, and which executors went away.
 */
record SparkEventLog(List<JsonNode> events) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One task's end: its stage, its partition index and attempt, the executor it ran on, and why it ended. */
  record TaskEnd(int stage, int index, int attempt, String executor, String reason, JsonNode event) {}

  /** One stage as the driver submitted it: its id, its name (a call site) and how many tasks it has. */
  record Stage(int id, String name, int tasks) {}

  /**
   * The log of application {@code applicationId} in folder {@code dir}, once complete (YARN cluster
   * mode names it {@code <application id>_<attempt>}; {@code .inprogress} while it runs).
   *
   * @throws IllegalStateException if there is no complete log of it
   */
  static SparkEventLog read(Path dir, String applicationId) {
    try (Stream<Path> files = Files.list(dir)) {
      Path log = files.filter(f -> f.getFileName().toString().startsWith(applicationId))
          .filter(f -> !f.getFileName().toString().endsWith(".inprogress"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no complete event log of " + applicationId + " in " + dir));
      List<JsonNode> events = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank())
          .map(SparkEventLog::parse)
          .toList();
      return new SparkEventLog(events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every task end, in the order the driver logged them. */
  List<TaskEnd> taskEnds() {
    return events.stream()
        .filter(e -> e.path("Event").asText().equals("SparkListenerTaskEnd"))
        .map(e -> new TaskEnd(e.path("Stage ID").asInt(), e.path("Task Info").path("Index").asInt(),
            e.path("Task Info").path("Attempt").asInt(), e.path("Task Info").path("Executor ID").asText(),
            e.path("Task End Reason").path("Reason").asText(), e))
        .toList();
  }

  /** Every stage submitted, in the order the driver submitted them (a map stage before the stage it feeds). */
  List<Stage> stages() {
    return events.stream()
        .filter(e -> e.path("Event").asText().equals("SparkListenerStageSubmitted"))
        .map(e -> e.path("Stage Info"))
        .map(i -> new Stage(i.path("Stage ID").asInt(), i.path("Stage Name").asText(), i.path("Number of Tasks").asInt()))
        .toList();
  }

  /** The ids of the executors the driver removed. */
  List<String> removedExecutors() {
    return events.stream()
        .filter(e -> e.path("Event").asText().equals("SparkListenerExecutorRemoved"))
        .map(e -> e.path("Executor ID").asText())
        .toList();
  }

  /** The application's end was logged: the driver shut down in order. */
  boolean ended() {
    return events.stream().anyMatch(e -> e.path("Event").asText().equals("SparkListenerApplicationEnd"));
  }
}
