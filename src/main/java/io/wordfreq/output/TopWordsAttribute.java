package io.wordfreq.output;

import io.wordfreq.counting.WordCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A top-words list as a DynamoDB attribute, L of M {@code {Word: S, Count: N}} in rank order: the one
 * shape of a file's item and a run summary's item.
 */
public final class TopWordsAttribute {
  private TopWordsAttribute() {
  }

  /** The attribute that stores {@code top}. */
  public static AttributeValue of(List<WordCount> top) {
    List<AttributeValue> list = new ArrayList<>(top.size());
    for (WordCount wc : top) {
      list.add(AttributeValue.fromM(Map.of("Word", AttributeValue.fromS(wc.word()),
          "Count", AttributeValue.fromN(Long.toString(wc.count())))));
    }
    return AttributeValue.fromL(list);
  }

  /** The list an attribute stores, or {@code null} when it is missing or not a list. */
  public static List<WordCount> read(AttributeValue attribute) {
    if (attribute == null || !attribute.hasL()) {
      return null;
    }
    List<WordCount> top = new ArrayList<>(attribute.l().size());
    for (AttributeValue e : attribute.l()) {
      top.add(new WordCount(e.m().get("Word").s(), Long.parseLong(e.m().get("Count").n())));
    }
    return top;
  }
}
