package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBuilderTest {

  private static final Instant T0 = Instant.parse("2026-11-22T20:00:00Z");

  private static QueueMessage message(String id) {
    return new QueueMessage(id, "rh-" + id, "{}");
  }

  private static ObjectRef object(String key, long size) {
    return new ObjectRef("b", key, size);
  }

  @Test
  void duplicateObjectsCollapseButEveryMessageIsKept() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 1000, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(object("a.txt", 5)), T0);
    builder.add(message("2"), List.of(object("a.txt", 5), object("b.txt", 5)), T0);
    Batch batch = builder.take(T0).orElseThrow();
    assertEquals(List.of("s3://b/a.txt", "s3://b/b.txt"), batch.objects().stream().map(ObjectRef::uri).toList());
    assertEquals(2, batch.messages().size());
    assertEquals(10, batch.bytes());
    assertEquals("s3://b/a.txt\t5\ns3://b/b.txt\t5\n", batch.manifest(), "each line with the event's size");
  }

  @Test
  void aManifestLineWithoutASizeWhenTheEventGaveNone() {
    Batch batch = new Batch("id", List.of(object("a b.txt", -1), object("c.txt", 0)), List.of());
    assertEquals("s3://b/a b.txt\ns3://b/c.txt\t0\n", batch.manifest());
  }

  private static ObjectRef event(String key, long size, String eTag, String sequencer) {
    return new ObjectRef("b", key, size, eTag, null, sequencer);
  }

  @Test
  void theNewestEventOfAKeyWinsWhateverOrderTheyArriveIn() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 100_000, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(event("a.txt", 60, "e1", "0055AED6DCD90281E5")), T0);
    builder.add(message("2"), List.of(event("a.txt", 6060, "e2", "0055AED6DCD90281E7")), T0);
    builder.add(message("3"), List.of(event("a.txt", 30, "e0", "0055AED6DCD90281E3")), T0);
    Batch batch = builder.take(T0).orElseThrow();
    assertEquals(List.of(event("a.txt", 6060, "e2", "0055AED6DCD90281E7")), batch.objects());
    assertEquals(6060, batch.bytes(), "bytes of the winner only");
    assertEquals(List.of("1", "2", "3"), batch.messages().stream().map(QueueMessage::id).toList(),
        "the losers' messages are acknowledged with the batch: the winner counts their object");
    assertEquals("s3://b/a.txt\t6060\te2\n", batch.manifest());
  }

  @Test
  void oneMessageWithTwoEventsOfOneKeyKeepsTheNewest() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 100_000, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(event("a.txt", 6060, "e2", "0B"), event("a.txt", 60, "e1", "0A")), T0);
    assertEquals(List.of(event("a.txt", 6060, "e2", "0B")), builder.take(T0).orElseThrow().objects());
  }

  @Test
  void withoutSequencersTheEventReceivedLastWins() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 100_000, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(event("a.txt", 60, "e1", "0A")), T0);
    builder.add(message("2"), List.of(event("a.txt", 70, "e2", null)), T0);
    assertEquals(List.of(event("a.txt", 70, "e2", null)), builder.take(T0).orElseThrow().objects());
  }

  @Test
  void aNewerEventThatOverflowsTheBatchStartsTheNextOne() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 100, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(event("a.txt", 60, "e1", "0A")), T0);
    List<Batch> closed = builder.add(message("2"), List.of(event("a.txt", 160, "e2", "0B")), T0);
    assertEquals(List.of(event("a.txt", 60, "e1", "0A")), closed.get(0).objects(), "counted, or superseded if already overwritten");
    assertEquals(List.of(event("a.txt", 160, "e2", "0B")), closed.get(1).objects(), "too large for any batch: a batch of its own");
  }

  @Test
  void fileBoundClosesTheBatch() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(2, 1000, Duration.ofSeconds(60)));
    assertTrue(builder.add(message("1"), List.of(object("a.txt", 1)), T0).isEmpty());
    List<Batch> closed = builder.add(message("2"), List.of(object("b.txt", 1)), T0);
    assertEquals(1, closed.size());
    assertEquals(2, closed.get(0).objects().size());
    assertTrue(builder.isEmpty());
  }

  @Test
  void byteBoundClosesTheBatchBeforeAnOverflowingMessage() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(100, 100, Duration.ofSeconds(60)));
    builder.add(message("1"), List.of(object("a.txt", 60)), T0);
    List<Batch> closed = builder.add(message("2"), List.of(object("b.txt", 60)), T0);
    assertEquals(List.of("s3://b/a.txt"), closed.get(0).objects().stream().map(ObjectRef::uri).toList());
    assertEquals(List.of("s3://b/b.txt"), builder.take(T0).orElseThrow().objects().stream().map(ObjectRef::uri).toList());
  }

  @Test
  void waitBoundMakesThePendingBatchDue() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(100, 1000, Duration.ofSeconds(30)));
    builder.add(message("1"), List.of(object("a.txt", 1)), T0);
    builder.add(message("2"), List.of(object("b.txt", 1)), T0.plusSeconds(20));
    assertTrue(builder.takeIfDue(T0.plusSeconds(29)).isEmpty());
    assertEquals(2, builder.takeIfDue(T0.plusSeconds(30)).orElseThrow().objects().size());
  }

  @Test
  void aMessageReceivedAgainKeepsOnlyItsNewestReceiptHandle() {
    BatchBuilder builder = new BatchBuilder(new BatchLimits(10, 1000, Duration.ofSeconds(60)));
    builder.add(new QueueMessage("1", "old", "{}"), List.of(object("a.txt", 5)), T0);
    builder.add(new QueueMessage("1", "new", "{}"), List.of(object("a.txt", 5)), T0);
    Batch batch = builder.take(T0).orElseThrow();
    assertEquals(List.of(new QueueMessage("1", "new", "{}")), batch.messages());
  }
}
