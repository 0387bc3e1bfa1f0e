package io.wordfreq.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wordfreq.counting.WordCount;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON-lines encoding of a {@link FileResult}: DESIGN.md's result attributes as one JSON object
 * with plain JSON types ({@code Words} an object, {@code TopWords} an array of {@code {Word, Count}}),
 * in the order the design lists them. {@code ETag} and {@code VersionId} are written only when the
 * record has them (S3 inputs; the version id only from versioned buckets).
 */
public final class RecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {
  }

  /** The record as one line of JSON (no line break). */
  public static String toJson(FileResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("Filename", r.filename());
    ObjectNode words = o.putObject("Words");
    for (WordCount wc : r.topWords()) {
      words.put(wc.word(), wc.count());
    }
    TopWordsJson.write(o.putArray("TopWords"), r.topWords());
    o.put("TotalWords", r.totalWords());
    o.put("DistinctWords", r.distinctWords());
    o.put("Bytes", r.bytes());
    o.put("Status", r.status());
    o.put("StatusMessage", r.statusMessage());
    if (!r.eTag().isEmpty()) {
      o.put("ETag", r.eTag());
    }
    if (!r.versionId().isEmpty()) {
      o.put("VersionId", r.versionId());
    }
    o.put("RunId", r.runId());
    o.put("ProcessedAt", r.processedAt());
    o.put("Rules", r.rules());
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a line written by {@link #toJson}. What the line does not hold (the source URI, start
   * time, duration) reads as the filename, 0 and 0.
   *
   * @throws IllegalArgumentException if the line is not such a record
   */
  public static FileResult fromJson(String line) {
    JsonNode o;
    try {
      o = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON record: " + e.getOriginalMessage(), e);
    }
    if (o == null || !o.isObject() || !o.hasNonNull("Filename")) {
      throw new IllegalArgumentException("not a result record (no Filename): " + line);
    }
    List<WordCount> top = TopWordsJson.read(o.path("TopWords"));
    String filename = o.get("Filename").asText();
    return new FileResult(
        filename,
        filename,
        List.copyOf(top),
        o.path("TotalWords").asLong(),
        o.path("DistinctWords").asLong(),
        o.path("Bytes").asLong(),
        o.path("Status").asText(),
        o.path("StatusMessage").asText(),
        o.path("RunId").asText(),
        o.path("ProcessedAt").asText(),
        o.path("Rules").asText(),
        0L,
        0L,
        o.path("ETag").asText(),
        o.path("VersionId").asText());
  }
}
