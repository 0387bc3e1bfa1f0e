package io.wordfreq.job.run;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.RunSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Makes a run's {@link RunSummary} from what the run knows at its end. */
final class RunSummaryBuilder {
  private RunSummaryBuilder() {
  }

  static RunSummary build(CountSettings settings, Collection<String> inputs, Collection<String> manifests,
      Instant startedAt, Instant endedAt, CountTotals totals, double seconds, List<WordCount> batchTop) {
    return new RunSummary(settings.runId(), iso(startedAt), iso(endedAt), input(inputs, manifests),
        settings.rules().name(), totals.filesOk(), totals.filesFailed(), totals.bytes(), totals.tokens(), seconds,
        seconds > 0 ? totals.bytes() / 1e6 / seconds : 0, batchTop);
  }

  /** The inputs as given, then each manifest as {@code manifest URI}; comma-separated. */
  static String input(Collection<String> inputs, Collection<String> manifests) {
    List<String> parts = new ArrayList<>(inputs);
    manifests.forEach(m -> parts.add("manifest " + m));
    return String.join(", ", parts);
  }

  /** Always with milliseconds (Instant.toString drops ".000"), so the strings sort as the times do. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static String iso(Instant t) {
    return ISO_MILLIS.format(t);
  }
}
