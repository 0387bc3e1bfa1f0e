package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkUnit;
import io.wordfreq.job.Failures;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.apache.spark.TaskContext;

/**
 * Counts the files of one packed {@link WorkUnit} in its task and yields one record per file, in the
 * unit's order. Whole files small enough for the read buffer are read several at a time by a
 * {@link ConcurrentObjectReader} and counted as each arrives, whatever order the reads finish in;
 * larger files stream from their file system one at a time, as with one read in flight. Each file is
 * made into its record as soon as it is counted, so only the small records wait for their turn.
 *
 * @param <R> the record type
 */
public final class PackedUnitCounter<R> implements Iterator<R> {
  private final List<FileSlice> slices;
  private final SliceCounter counter;
  private final BiFunction<FileSlice, PartialCount, R> record;
  /** Per slice: whether it streams from its file system rather than arriving from the reader. */
  private final boolean[] streams;
  /** Per file of the reader, in the reader's order: its slice's position in the unit. */
  private final List<Integer> readerSlices = new ArrayList<>();
  private final ConcurrentObjectReader reader;
  private final Object[] ready;
  private int next;

  /**
   * @param budget bytes of whole files the task may hold (see {@link ReadSettings#budget})
   */
  PackedUnitCounter(List<FileSlice> slices, SliceCounter counter, int readsInFlight, long budget,
      BiFunction<FileSlice, PartialCount, R> record) {
    this.slices = List.copyOf(slices);
    this.counter = counter;
    this.record = record;
    this.streams = new boolean[slices.size()];
    this.ready = new Object[slices.size()];
    List<FileSlice> whole = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      if (ReadSettings.readWhole(slices.get(i), budget)) {
        whole.add(slices.get(i));
        readerSlices.add(i);
      } else {
        streams[i] = true;
      }
    }
    this.reader = whole.isEmpty() ? null
        : new ConcurrentObjectReader(counter.hadoopConf(), whole, readsInFlight, budget);
    TaskContext task = TaskContext.get();
    if (reader != null && task != null) {
      // A task cancelled or failed before its iterator is drained stops its reads.
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> reader.close());
    }
  }

  /** The records of {@code unit} under {@code reads}, for a task's flatMap. */
  public static <R> Iterator<R> records(WorkUnit unit, SliceCounter counter, ReadSettings reads,
      BiFunction<FileSlice, PartialCount, R> record) {
    if (reads.sequential(unit.slices())) {
      return unit.slices().stream().map(slice -> record.apply(slice, counter.count(slice))).iterator();
    }
    long budget = reads.budget(Runtime.getRuntime().maxMemory(), ExecutorSlots.current());
    return new PackedUnitCounter<>(unit.slices(), counter, reads.readsInFlight(), budget, record);
  }

  /** The most reads this unit had in flight at once (0 if every file streamed). */
  int maxInFlightSeen() {
    return reader == null ? 0 : reader.maxInFlightSeen();
  }

  /** The most bytes of whole files this unit held at once. */
  long maxBufferedSeen() {
    return reader == null ? 0 : reader.maxReservedSeen();
  }

  @Override
  public boolean hasNext() {
    return next < slices.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int i = next;
    FileSlice slice = slices.get(i);
    if (streams[i]) {
      // Count what has arrived first: frees the buffer, so reads go on while this file streams.
      for (ConcurrentObjectReader.Arrival a = reader == null ? null : reader.poll(); a != null; a = reader.poll()) {
        countArrival(a);
      }
      ready[i] = record.apply(slice, counter.count(slice));
    }
    while (ready[i] == null) {
      try {
        countArrival(reader.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reader.close();
        throw new IllegalStateException("interrupted while reading " + slice.uri(), e);
      }
    }
    R r = (R) ready[i];
    ready[i] = null;
    next++;
    if (next == slices.size() && reader != null) {
      reader.close();
    }
    return r;
  }

  private void countArrival(ConcurrentObjectReader.Arrival a) {
    int i = readerSlices.get(a.index());
    FileSlice slice = slices.get(i);
    PartialCount count;
    if (a.error() instanceof Error error) {
      throw error;
    } else if (a.error() != null) {
      count = PartialCount.unreadable(slice, a.error(), a.startedAtMillis(), System.nanoTime() - a.startedAtNanos());
    } else {
      count = counter.count(slice, position -> new ByteArrayInputStream(a.bytes(), 0, a.length()),
          a.startedAtMillis(), a.startedAtNanos());
    }
    ready[i] = record.apply(slice, count);
    reader.release(a);
  }
}
