package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkConf;

/**
 * How each task reads the whole small files packed into it: how many reads it keeps in flight at
 * once, and how many bytes of whole files it may hold in memory while they wait to be counted. On S3
 * every object costs tens of milliseconds before its first byte; reading one after another made a
 * batch of small objects cost files × latency ÷ cores. Read from the Spark configuration
 * ({@value #IN_FLIGHT_KEY}, {@value #BUFFER_KEY}; {@code wordfreq count --reads-in-flight} and
 * {@code --read-buffer} set them), so spark-submit's {@code --conf} works too.
 *
 * <p>Unless reads in flight are set, files on the local disk ({@code file:}) are read one after
 * another: a local read has no latency to hide, and holding whole files only cost memory (bench/results/history.md:
 * 120 local files peaked at 319 MiB this way against 507 MiB with 32 in flight, in the same time).
 *
 * @param readsInFlight reads one task keeps going at once; 1 reads one file after another, streaming
 * @param bufferBytes   bytes of whole files one task may hold; 0 means the default, capped by the heap
 * @param defaulted     whether {@code readsInFlight} is the default rather than the user's setting
 */
public record ReadSettings(int readsInFlight, long bufferBytes, boolean defaulted) implements Serializable {
  public static final String IN_FLIGHT_KEY = "spark.wordfreq.reads.inFlight";
  public static final String BUFFER_KEY = "spark.wordfreq.reads.buffer";
  /** Tuned with bench/e2e's small6000-s3a-20ms (bench/results/history.md). */
  public static final int DEFAULT_IN_FLIGHT = 32;
  public static final long DEFAULT_BUFFER = 64L << 20;
  public static final int MAX_IN_FLIGHT = 1024;
  /** The largest file read whole: a Java array holds at most about 2 GB, whatever buffer the user allows. */
  static final long MAX_WHOLE_FILE = Integer.MAX_VALUE - 16;
  /** A whole file is read into memory only up to this fraction of the buffer, so several fit at once. */
  static final int WHOLE_FILE_FRACTION = 4;
  /** The default buffer never takes more than this fraction of the heap over all concurrent tasks. */
  static final int HEAP_FRACTION = 4;

  public ReadSettings {
    if (readsInFlight < 1 || readsInFlight > MAX_IN_FLIGHT) {
      throw new IllegalArgumentException(
          "reads in flight must be between 1 and " + MAX_IN_FLIGHT + ", not " + readsInFlight);
    }
    if (bufferBytes < 0) {
      throw new IllegalArgumentException("the read buffer must be positive, not " + bufferBytes);
    }
  }

  /** {@code readsInFlight} as the user set it. */
  public ReadSettings(int readsInFlight, long bufferBytes) {
    this(readsInFlight, bufferBytes, false);
  }

  /** The defaults: {@value #DEFAULT_IN_FLIGHT} reads in flight, a buffer of 64 MB or less. */
  public static ReadSettings defaults() {
    return new ReadSettings(DEFAULT_IN_FLIGHT, 0, true);
  }

  /** The settings of a Spark configuration (defaults for what it does not set). */
  public static ReadSettings from(SparkConf conf) {
    int inFlight = conf.getInt(IN_FLIGHT_KEY, DEFAULT_IN_FLIGHT);
    long buffer = conf.contains(BUFFER_KEY) ? ByteSizes.parse(conf.get(BUFFER_KEY)) : 0;
    return new ReadSettings(inFlight, buffer, !conf.contains(IN_FLIGHT_KEY));
  }

  /**
   * Whether a task reads these files one after another, streaming each (the path before this
   * setting): with one read in flight, or by default when every file is on the local disk.
   */
  boolean sequential(List<FileSlice> slices) {
    return readsInFlight == 1 || defaulted && slices.stream().allMatch(s -> s.uri().startsWith("file:"));
  }

  /**
   * The bytes one task may buffer: the setting if given, else {@value #DEFAULT_BUFFER} bytes but no
   * more than a {@value #HEAP_FRACTION}th of {@code maxHeap} shared by {@code concurrentTasks}.
   */
  long budget(long maxHeap, int concurrentTasks) {
    if (bufferBytes > 0) {
      return bufferBytes;
    }
    return Math.max(1L << 20, Math.min(DEFAULT_BUFFER, maxHeap / HEAP_FRACTION / Math.max(1, concurrentTasks)));
  }

  /** Whether a slice is read whole into memory under {@code budget}: a whole file of at most a fraction of it. */
  static boolean readWhole(FileSlice slice, long budget) {
    return slice.isWholeFile() && slice.fileLength() <= Math.min(budget / WHOLE_FILE_FRACTION, MAX_WHOLE_FILE);
  }
}
