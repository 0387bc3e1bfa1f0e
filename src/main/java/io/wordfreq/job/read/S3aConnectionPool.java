package io.wordfreq.job.read;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;

/**
 * Sizes s3a's HTTP connection pool ({@value #KEY}) for the reads a JVM keeps in flight: every task
 * ({@link ExecutorSlots}) holds up to {@link ReadSettings#readsInFlight} connections at once, plus
 * headroom for listing and outputs. Only raises it, and only where nobody set it: a value from a
 * site file, a {@code spark.hadoop.} setting or the command line is left alone; Hadoop's own default
 * ({@code core-default.xml}, 500) is not a choice. s3a's thread pool ({@code fs.s3a.threads.max})
 * is not involved: the reads run on the job's own threads.
 */
public final class S3aConnectionPool {
  static final String KEY = "fs.s3a.connection.maximum";
  /** Connections beyond the reads: the listing, the outputs, s3a's own work. */
  static final int HEADROOM = 32;
  private static final List<String> DEFAULT_SOURCES =
      List.of("core-default.xml", "Set by Spark to default values");

  private S3aConnectionPool() {
  }

  public static void size(Configuration hadoop, SparkConf spark) {
    if (setByUser(hadoop)) {
      return;
    }
    int needed = ReadSettings.from(spark).readsInFlight() * ExecutorSlots.of(spark) + HEADROOM;
    if (needed > hadoop.getInt(KEY, 0)) {
      hadoop.set(KEY, String.valueOf(needed), "wordfreq: reads in flight × tasks per JVM + " + HEADROOM);
    }
  }

  private static boolean setByUser(Configuration conf) {
    if (conf.get(KEY) == null) {
      return false;
    }
    String[] sources = conf.getPropertySources(KEY);
    return sources == null || !Arrays.stream(sources).allMatch(DEFAULT_SOURCES::contains);
  }
}
