package io.wordfreq.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wordfreq.counting.WordCount;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON-lines encoding of a {@link RunSummary}: the {@code wordfreq-runs} item's attributes as one
 * JSON object with plain JSON types, {@code TopWords} as in a file's record.
 */
public final class RunSummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RunSummaryJson() {
  }

  /** The summary as one line of JSON (no line break). */
  public static String toJson(RunSummary s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("RunId", s.runId());
    o.put("StartedAt", s.startedAt());
    o.put("EndedAt", s.endedAt());
    o.put("Input", s.input());
    o.put("Rules", s.rules());
    o.put("FilesOk", s.filesOk());
    o.put("FilesFailed", s.filesFailed());
    o.put("Bytes", s.bytes());
    o.put("Tokens", s.tokens());
    o.put("WallSeconds", s.wallSeconds());
    o.put("MBps", s.mbps());
    TopWordsJson.write(o.putArray("TopWords"), s.topWords());
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a line written by {@link #toJson}.
   *
   * @throws IllegalArgumentException if the line is not a run summary
   */
  public static RunSummary fromJson(String line) {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON run summary: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject() || !o.hasNonNull("RunId")) {
      throw new IllegalArgumentException("not a run summary (no RunId): " + line);
    }
    List<WordCount> top = TopWordsJson.read(o.path("TopWords"));
    return new RunSummary(o.get("RunId").asText(), o.path("StartedAt").asText(), o.path("EndedAt").asText(),
        o.path("Input").asText(), o.path("Rules").asText(), o.path("FilesOk").asLong(),
        o.path("FilesFailed").asLong(), o.path("Bytes").asLong(), o.path("Tokens").asLong(),
        o.path("WallSeconds").asDouble(), o.path("MBps").asDouble(), top);
  }
}
