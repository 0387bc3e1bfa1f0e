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
