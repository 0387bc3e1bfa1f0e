package io.wordfreq.job;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a count run with the job's settings: Kryo with the job's registrator,
 * the UI off unless asked for, and the master from {@code --master}, else from {@code spark.master}
 * (spark-submit, EMR), else {@code local[*]}.
 */
public final class SparkContexts {
  private static final String OWNER_KEY = "spark.wordfreq.owner";

  private SparkContexts() {
  }

  /** The configuration a run uses; {@code master} may be null. */
  public static SparkConf conf(String master, String appName) {
    SparkConf conf = new SparkConf();
    if (master != null && !master.isBlank()) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", appName);
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.set("spark.kryo.registrator", WordFreqKryoRegistrator.class.getName());
    return conf;
  }

  /** Starts a context with {@link #conf} and the job's Hadoop settings. */
  public static JavaSparkContext start(SparkConf conf) {
    quietSparkDefaultLogging();
    JavaSparkContext sc = new JavaSparkContext(conf);
    useS3aForS3(sc.hadoopConfiguration());
    return sc;
  }

  /**
   * The context a run uses: the active one if there is one (a notebook, a test), which is then left
   * running, else a new one from {@code conf}, stopped on {@link Handle#close}.
   */
  public static Handle startOrJoin(SparkConf conf) {
    quietSparkDefaultLogging();
    // getOrCreate returns the active context if there is one; a marker tells whether it is ours.
    String marker = java.util.UUID.randomUUID().toString();
    SparkContext context = SparkContext.getOrCreate(conf.clone().set(OWNER_KEY, marker));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(context);
    useS3aForS3(sc.hadoopConfiguration());
    return new Handle(sc, marker.equals(context.getConf().get(OWNER_KEY, "")));
  }

  /** A context and whether this run owns it (and so stops it). */
  public record Handle(JavaSparkContext sc, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        sc.stop();
      }
    }
  }

  /**
   * Under spark-submit, Spark configures logging before the application jar (and its
   * log4j2.properties) is on the class path; when it fell back to its own INFO defaults, turn them
   * down to WARN. A cluster's own logging configuration (EMR's) is left alone.
   */
  static void quietSparkDefaultLogging() {
    if (LogManager.getContext(false) instanceof LoggerContext ctx) {
      String source = String.valueOf(ctx.getConfiguration().getConfigurationSource().getLocation());
      if (source.endsWith("org/apache/spark/log4j2-defaults.properties")) {
        Configurator.setRootLevel(Level.WARN);
        // As in the jar's log4j2.properties: noise that says nothing about the job.
        for (String quiet : List.of("org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.Utils",
            "org.apache.hadoop.mapred.FileOutputCommitter", "org.apache.hadoop.metrics2.impl.MetricsConfig")) {
          Configurator.setLevel(quiet, Level.ERROR);
        }
      }
    }
  }

  /**
   * Reads {@code s3:} URIs with s3a where nothing else does (EMR maps {@code s3:} to EMRFS in its
   * core-site.xml; plain Hadoop has no {@code s3:} file system at all).
   */
  static void useS3aForS3(Configuration conf) {
    if (conf.get("fs.s3.impl") == null) {
      conf.set("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    }
  }
}
