package io.wordfreq.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.wordfreq.counting.WordCount;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-words list in JSON, {@code [{"Word": "…", "Count": n}, …]} in rank order: the one shape of a
 * file's record, a run summary and the results-queue message.
 */
public final class TopWordsJson {
  private TopWordsJson() {
  }

  /** Appends {@code top} to {@code array}, in order. */
  public static void write(ArrayNode array, List<WordCount> top) {
    for (WordCount wc : top) {
      array.addObject().put("Word", wc.word()).put("Count", wc.count());
    }
  }

  /** The list {@code array} holds; a missing node reads as empty. */
  public static List<WordCount> read(JsonNode array) {
    List<WordCount> top = new ArrayList<>();
    for (JsonNode w : array) {
      top.add(new WordCount(w.path("Word").asText(), w.path("Count").asLong()));
    }
    return top;
  }
}
