package io.wordfreq.job.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.record.RunSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's summary: its times always carry milliseconds, so newer runs sort after older ones as strings. */
class RunSummaryBuilderTest {

  @Test
  void timesHaveMillisecondsAndSortAsTheyHappened() {
    CountSettings settings = new CountSettings("r", 10, 1 << 20, "*.txt");
    RunSummary whole = RunSummaryBuilder.build(settings, List.of("in/"), List.of(),
        Instant.parse("2026-12-03T06:00:00Z"), Instant.parse("2026-12-03T06:00:00.500Z"), CountTotals.ZERO, 0.5, List.of());
    assertEquals("2026-12-03T06:00:00.000Z", whole.startedAt());
    assertEquals("2026-12-03T06:00:00.500Z", whole.endedAt());
    assertTrue(whole.startedAt().compareTo(whole.endedAt()) < 0);
  }
}
