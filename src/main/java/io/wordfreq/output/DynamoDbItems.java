package io.wordfreq.output;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB item of a {@link FileResult}, in DESIGN.md's schema: {@code Filename} (S, the hash
 * key), {@code Words} (M word → N), {@code TopWords} (L of M {Word S, Count N}), {@code TotalWords},
 * {@code DistinctWords}, {@code Bytes} (N), {@code Status}, {@code StatusMessage}, {@code RunId},
 * {@code ProcessedAt}, {@code Rules} (S), and {@code ETag}, {@code VersionId} (S, when the record has
 * them) — and back, for reading results.
 */
public final class DynamoDbItems {
  /** The table's hash key. */
  public static final String FILENAME = "Filename";

  private DynamoDbItems() {
  }

  /** The item that stores {@code r}. */
  public static Map<String, AttributeValue> toItem(FileResult r) {
    Map<String, AttributeValue> words = new LinkedHashMap<>();
    for (WordCount wc : r.topWords()) {
      words.put(wc.word(), n(wc.count()));
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(FILENAME, s(r.filename()));
    item.put("Words", AttributeValue.fromM(words));
    item.put("TopWords", TopWordsAttribute.of(r.topWords()));
    item.put("TotalWords", n(r.totalWords()));
    item.put("DistinctWords", n(r.distinctWords()));
    item.put("Bytes", n(r.bytes()));
    item.put("Status", s(r.status()));
    item.put("StatusMessage", s(r.statusMessage()));
    if (!r.eTag().isEmpty()) {
      item.put("ETag", s(r.eTag()));
    }
    if (!r.versionId().isEmpty()) {
      item.put("VersionId", s(r.versionId()));
    }
    item.put("RunId", s(r.runId()));
    item.put("ProcessedAt", s(r.processedAt()));
    item.put("Rules", s(r.rules()));
    return item;
  }

  /**
   * The result an item stores. What the table does not keep (source URI, start time, duration)
   * reads as {@code null} or 0; the words come from {@code TopWords}, else from {@code Words} (items
   * the old worker wrote), ordered by count then word.
   */
  public static FileResult toResult(Map<String, AttributeValue> item) {
    List<WordCount> top = TopWordsAttribute.read(item.get("TopWords"));
    if (top == null) { // an item the old worker wrote: Words only, ranked here as the job ranks
      List<WordCount> fromWords = new ArrayList<>();
      if (item.containsKey("Words") && item.get("Words").hasM()) {
        item.get("Words").m().forEach((w, c) -> fromWords.add(new WordCount(w, Long.parseLong(c.n()))));
        fromWords.sort((a, b) -> a.count() != b.count()
            ? Long.compare(b.count(), a.count()) : a.word().compareTo(b.word()));
      }
      top = fromWords;
    }
    return new FileResult(
        str(item, FILENAME), null, top,
        num(item, "TotalWords"), num(item, "DistinctWords"), num(item, "Bytes"),
        str(item, "Status"), str(item, "StatusMessage"), str(item, "RunId"),
        str(item, "ProcessedAt"), str(item, "Rules"), 0L, 0L, str(item, "ETag"), str(item, "VersionId"));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value == null ? "" : value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? "" : v.s();
  }

  private static long num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
  }
}
