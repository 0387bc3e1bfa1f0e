package io.wordfreq.job.spark;

import io.wordfreq.job.read.S3aConnectionPool;
import io.wordfreq.aws.EndpointPolicy;
import org.apache.hadoop.conf.Configuration;
import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a count run with the job's settings: Kryo with the job's registrator,
 * the UI off unless asked for, and the master from {@code --master}, else from {@code spark.master}
 * (spark-submit, EMR), else {@code local[*]}.
 */
public final class SparkContexts {
  private static final String OWNER_KEY = "spark.wordfreq.owner";
  /** How Spark labels the Hadoop settings it fills in itself (SparkHadoopUtil). */
  private static final String SPARK_DEFAULTS_SOURCE = "Set by Spark to default values";

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
    addJobHadoopSettings(sc.hadoopConfiguration(), sc.getConf());
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
    addJobHadoopSettings(sc.hadoopConfiguration(), sc.getConf());
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
   * log4j2.properties) is on the class path; when it fell back to its own INFO defaults, the jar's
   * log4j2.properties is applied instead, so the loggers it quiets are named in that file alone. A
   * cluster's own logging configuration (EMR's) is left alone.
   */
  static void quietSparkDefaultLogging() {
    if (LogManager.getContext(false) instanceof LoggerContext ctx) {
      String source = String.valueOf(ctx.getConfiguration().getConfigurationSource().getLocation());
      URL ours = SparkContexts.class.getResource("/log4j2.properties");
      if (source.endsWith("org/apache/spark/log4j2-defaults.properties") && ours != null) {
        try {
          ctx.setConfigLocation(ours.toURI());
        } catch (URISyntaxException e) {
          Configurator.setRootLevel(Level.WARN); // a jar path no URI can name: at least not INFO
        }
      }
    }
  }

  /**
   * The Hadoop configuration the context will build from {@code spark}, with the settings below: for
   * what the driver reads before the context starts (input file systems, a stop-word file).
   */
  public static Configuration hadoopConfiguration(SparkConf spark) {
    Configuration hadoop = SparkHadoopUtil.get().newConfiguration(spark);
    addJobHadoopSettings(hadoop, spark);
    return hadoop;
  }

  /**
   * The Hadoop settings every count run adds to Spark's: {@code s3:} through s3a, s3a's endpoint, and
   * s3a's connection pool sized for the reads in flight ({@link S3aConnectionPool}).
   */
  static void addJobHadoopSettings(Configuration conf, SparkConf spark) {
    useS3aForS3(conf);
    s3aEndpointFromEnvironment(conf, System.getenv());
    S3aConnectionPool.size(conf, spark);
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

  /**
   * Points s3a at the S3 endpoint of the SDK's standard variables ({@code AWS_ENDPOINT_URL_S3}, else
   * {@code AWS_ENDPOINT_URL}) when the configuration names none, so the job reads the same local S3
   * server as the AWS CLI and the SDK clients: path-style access (a local server has no per-bucket
   * host names), TLS as the URL says, the region from {@code AWS_REGION}. Credentials keep s3a's own
   * chain, which reads {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}. A plain-http URL off
   * loopback is refused as for every AWS client ({@link EndpointPolicy}).
   */
  static void s3aEndpointFromEnvironment(Configuration conf, java.util.Map<String, String> env) {
    String endpoint = firstNonBlank(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
    if (endpoint == null || configured(conf, "fs.s3a.endpoint")) {
      return;
    }
    EndpointPolicy.check(java.net.URI.create(endpoint.trim()), "S3", EndpointPolicy.allowsPlainHttp(env));
    conf.set("fs.s3a.endpoint", endpoint);
    if (!configured(conf, "fs.s3a.path.style.access")) {
      conf.set("fs.s3a.path.style.access", "true");
    }
    if (!configured(conf, "fs.s3a.connection.ssl.enabled")) {
      conf.set("fs.s3a.connection.ssl.enabled", String.valueOf(endpoint.startsWith("https:")));
    }
    if (!configured(conf, "fs.s3a.endpoint.region")) {
      String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
      conf.set("fs.s3a.endpoint.region", region == null ? "us-east-1" : region);
    }
  }

  /** Whether someone set {@code key}: Spark fills in {@code fs.s3a.endpoint} with AWS's own by default. */
  private static boolean configured(Configuration conf, String key) {
    if (conf.get(key) == null) {
      return false;
    }
    String[] sources = conf.getPropertySources(key);
    return sources == null || !java.util.Arrays.asList(sources).contains(SPARK_DEFAULTS_SOURCE);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
