package io.wordfreq.job;

import io.wordfreq.job.spark.SparkContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Spark's {@code local-cluster[2,1,1024]} for tests: a master, two workers and two executor JVMs, as
 * on a cluster (the NOTES.md recipe: testing mode hands the driver's class path to the executors).
 * The testing properties stay set while the context runs (an executor that dies is relaunched with
 * them) and are cleared on close.
 */
record LocalCluster(JavaSparkContext sc) implements AutoCloseable {

  /** Starts the cluster and the job's context on it; {@code dir} holds Spark's test home. */
  static LocalCluster start(Path dir, String appName) throws IOException {
    System.setProperty("spark.testing", "1");
    System.setProperty("spark.test.home", Files.createDirectories(dir.resolve("spark-home")).toString());
    try {
      return new LocalCluster(SparkContexts.start(SparkContexts.conf("local-cluster[2,1,1024]", appName)
          .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
          .set("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")));
    } catch (RuntimeException e) {
      clearProperties();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      sc.stop();
    } finally {
      clearProperties();
    }
  }

  private static void clearProperties() {
    System.clearProperty("spark.testing");
    System.clearProperty("spark.test.home");
  }
}
