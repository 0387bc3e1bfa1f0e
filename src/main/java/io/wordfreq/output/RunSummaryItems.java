package io.wordfreq.output;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.RunSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code wordfreq-runs} item of a {@link RunSummary}, in DESIGN.md's schema: {@code RunId} (S, the
 * hash key), {@code StartedAt}, {@code EndedAt}, {@code Input}, {@code Rules} (S), {@code FilesOk},
 * {@code FilesFailed}, {@code Bytes}, {@code Tokens}, {@code WallSeconds}, {@code MBps} (N), and
 * {@code TopWords} (L of M {Word S, Count N}, as in a file's item) — and back.
 */
public final class RunSummaryItems {
  /** The runs table's hash key. */
  public static final String RUN_ID = "RunId";
  /** The runs table's default name. */
  public static final String DEFAULT_TABLE = "wordfreq-runs";

  private RunSummaryItems() {
  }

  /** The item that stores {@code s}. */
  public static Map<String, AttributeValue> toItem(RunSummary s) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(RUN_ID, AttributeValue.fromS(s.runId()));
    item.put("StartedAt", AttributeValue.fromS(s.startedAt()));
    item.put("EndedAt", AttributeValue.fromS(s.endedAt()));
    item.put("Input", AttributeValue.fromS(s.input().isEmpty() ? "-" : s.input()));
    item.put("Rules", AttributeValue.fromS(s.rules()));
    item.put("FilesOk", n(s.filesOk()));
    item.put("FilesFailed", n(s.filesFailed()));
    item.put("Bytes", n(s.bytes()));
    item.put("Tokens", n(s.tokens()));
    item.put("WallSeconds", decimal(s.wallSeconds(), 3));
    item.put("MBps", significant(s.mbps(), 4));
    item.put("TopWords", TopWordsAttribute.of(s.topWords()));
    return item;
  }

  /** The summary an item stores; a missing attribute reads as empty or 0. */
  public static RunSummary toSummary(Map<String, AttributeValue> item) {
    List<WordCount> top = TopWordsAttribute.read(item.get("TopWords"));
    top = top == null ? List.of() : top;
    return new RunSummary(str(item, RUN_ID), str(item, "StartedAt"), str(item, "EndedAt"), str(item, "Input"),
        str(item, "Rules"), whole(item, "FilesOk"), whole(item, "FilesFailed"), whole(item, "Bytes"),
        whole(item, "Tokens"), num(item, "WallSeconds"), num(item, "MBps"), top);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue decimal(double value, int places) {
    double v = Double.isFinite(value) ? value : 0;
    return AttributeValue.fromN(BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString());
  }

  /** {@code value} to {@code digits} significant digits: a run of 0.1 MB in 10 s is 0.01000, not 0. */
  private static AttributeValue significant(double value, int digits) {
    double v = Double.isFinite(value) ? value : 0;
    return AttributeValue.fromN(new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
        .toPlainString());
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.s() == null ? "" : v.s();
  }

  private static long whole(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? 0 : new BigDecimal(v.n()).longValue();
  }

  private static double num(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? 0 : Double.parseDouble(v.n());
  }
}
