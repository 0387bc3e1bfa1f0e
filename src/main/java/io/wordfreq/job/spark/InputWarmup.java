package io.wordfreq.job.spark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;

/**
 * Opens the input file systems on a background thread while the Spark context starts: creating an
 * s3a file system (AWS SDK client, credentials, first request) took 1.4 s of a 7 s run, and the
 * context's start-up leaves a core idle. Hadoop caches file systems per scheme, authority and user,
 * so the listing and the tasks later reuse the instance made here — once it is made: the listing
 * {@link #await}s it rather than make a second one. Only a warm-up: every failure is ignored and
 * reported by the real listing.
 */
public final class InputWarmup {
  /** Longest wait for the warm-up; the listing then goes ahead on its own. */
  private static final long MAX_WAIT_MILLIS = 10_000;

  private final Thread thread;

  private InputWarmup(Thread thread) {
    this.thread = thread;
  }

  /** Starts the warm-up for {@code uris} (inputs and manifests) with the job's Hadoop settings. */
  public static InputWarmup start(SparkConf conf, Collection<String> uris) {
    List<String> targets = new ArrayList<>(uris);
    Thread t = new Thread(() -> warm(conf, targets), "wordfreq-input-warmup");
    t.setDaemon(true);
    t.start();
    return new InputWarmup(t);
  }

  /** Waits until the file systems are open (at most {@value #MAX_WAIT_MILLIS} ms). */
  public void await() {
    try {
      thread.join(MAX_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void warm(SparkConf conf, List<String> uris) {
    try {
      // The same Hadoop configuration the context builds, with the same settings SparkContexts adds.
      Configuration hadoop = SparkContexts.hadoopConfiguration(conf);
      for (String uri : uris) {
        try {
          Path path = new Path(uri);
          path.getFileSystem(hadoop).exists(path);
        } catch (Exception | LinkageError e) {
          // The listing reports it.
        }
      }
    } catch (Exception | LinkageError e) {
      // A warm-up only.
    }
  }
}
