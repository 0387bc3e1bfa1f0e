package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads whole small files for one task, several at a time, through Hadoop's FileSystem (so s3a,
 * EMR's {@code s3:}, hdfs and local files alike): at most {@code readsInFlight} reads run at once, and
 * the files read but not yet counted, plus those being read, never hold more than {@code budget}
 * bytes (a file is reserved its length before its read starts). Reads start in the order given and
 * are handed over as they finish, in whatever order that is.
 *
 * <p>Used by one task thread: {@link #take} and {@link #release} are not thread-safe; only the reads
 * themselves run on the shared pool's threads.
 */
final class ConcurrentObjectReader implements AutoCloseable {
  /** Shared by the tasks of one JVM; threads are made as reads need them and end when idle. */
  private static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "wordfreq-read-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  });

  /**
   * One finished read: the file's bytes (maybe fewer than its listed length, if it shrank: counting
   * then fails), or why it could not be read (also when it grew).
   *
   * @param index           the file's position in the list given to the reader
   * @param bytes           the bytes read; null if the read failed
   * @param length          how many of {@code bytes} were read
   * @param error           why the read failed; null if it did not
   * @param startedAtMillis when the read started (wall clock)
   * @param startedAtNanos  when the read started ({@link System#nanoTime})
   */
  record Arrival(int index, byte[] bytes, int length, Throwable error, long startedAtMillis, long startedAtNanos) {
  }

  private final WholeFiles wholeFiles;
  private final List<FileSlice> files;
  private final int readsInFlight;
  private final long budget;
  private final LinkedBlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
  private final List<Future<?>> reads = new ArrayList<>();
  private int next;
  private int inFlight;
  private long reserved;
  private int maxInFlightSeen;
  private long maxReservedSeen;

  /**
   * Starts reading {@code files} (whole files, each at most {@code budget} bytes long).
   *
   * @param readsInFlight reads running at once, at least 1
   * @param budget        bytes of files being read or waiting to be counted, at most
   */
  ConcurrentObjectReader(Configuration conf, List<FileSlice> files, int readsInFlight, long budget) {
    for (FileSlice f : files) {
      if (!f.isWholeFile() || f.fileLength() > Math.min(budget, ReadSettings.MAX_WHOLE_FILE)) {
        throw new IllegalArgumentException("not a whole file within the read budget: " + f);
      }
    }
    this.wholeFiles = new WholeFiles(conf);
    this.files = List.copyOf(files);
    this.readsInFlight = Math.max(1, readsInFlight);
    this.budget = budget;
    startReads();
  }

  /** The next finished read, waiting for one if none is ready; null if every file was handed over. */
  Arrival take() throws InterruptedException {
    if (next == files.size() && inFlight == 0 && arrived.isEmpty()) {
      return null;
    }
    Arrival a = arrived.take();
    inFlight--;
    startReads();
    return a;
  }

  /** A finished read if one is ready, else null. */
  Arrival poll() {
    Arrival a = arrived.poll();
    if (a != null) {
      inFlight--;
      startReads();
    }
    return a;
  }

  /** Gives an arrival's bytes back to the budget once counted; more reads may then start. */
  void release(Arrival a) {
    reserved -= files.get(a.index()).fileLength();
    startReads();
  }

  /** The most reads that ran at once (for tests and reports). */
  int maxInFlightSeen() {
    return maxInFlightSeen;
  }

  /** The most bytes reserved at once (for tests and reports). */
  long maxReservedSeen() {
    return maxReservedSeen;
  }

  /** Stops reads not yet finished (a task that ends early, e.g. cancelled). */
  @Override
  public void close() {
    for (Future<?> f : reads) {
      f.cancel(true);
    }
    arrived.clear();
  }

  private void startReads() {
    while (next < files.size() && inFlight < readsInFlight) {
      FileSlice f = files.get(next);
      // Within the budget; a file that does not fit waits until counted ones free room.
      if (reserved + f.fileLength() > budget && reserved > 0) {
        return;
      }
      int index = next++;
      inFlight++;
      reserved += f.fileLength();
      maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
      maxReservedSeen = Math.max(maxReservedSeen, reserved);
      reads.add(POOL.submit(() -> arrived.add(read(index, f))));
    }
  }

  private Arrival read(int index, FileSlice f) {
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    int length = (int) f.fileLength();
    try {
      // Allocated inside the try: an OutOfMemoryError here must arrive like any other failure.
      byte[] bytes = new byte[length];
      int got = wholeFiles.read(f, bytes);
      return new Arrival(index, bytes, got, null, startedAt, t0);
    } catch (Exception | Error e) {
      // Handed over, never lost: the task thread would otherwise wait for this read forever. The
      // counter turns an exception into the file's failure record and rethrows an error.
      return new Arrival(index, null, 0, e, startedAt, t0);
    }
  }
}
