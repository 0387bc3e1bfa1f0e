package io.wordfreq.job.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SparkContextsTest {

  @Test
  void sparksDefaultLoggingGivesWayToTheJarsOwnFile() throws Exception {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    URI before = ctx.getConfigLocation();
    try {
      // As spark-submit leaves it: Spark's own defaults, INFO for everything.
      ctx.setConfigLocation(org.apache.spark.SparkContext.class.getResource("/org/apache/spark/log4j2-defaults.properties").toURI());
      assertEquals(Level.INFO, ctx.getRootLogger().getLevel());

      SparkContexts.quietSparkDefaultLogging();

      assertEquals(Level.WARN, ctx.getRootLogger().getLevel());
      for (String quiet : List.of("org.apache.hadoop.util.NativeCodeLoader", "org.apache.hadoop.mapred.FileOutputCommitter")) {
        assertEquals(Level.ERROR, ctx.getLogger(quiet).getLevel(), quiet + ", as the jar's log4j2.properties says");
      }
    } finally {
      ctx.setConfigLocation(before);
    }
  }

  @Test
  void s3aFollowsTheSdkEndpointVariables() {
    Configuration conf = new Configuration(false);
    SparkContexts.s3aEndpointFromEnvironment(conf,
        Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000", "AWS_ENDPOINT_URL", "http://elsewhere:1",
            "AWS_REGION", "eu-west-1"));
    assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
    assertEquals("true", conf.get("fs.s3a.path.style.access"));
    assertEquals("false", conf.get("fs.s3a.connection.ssl.enabled"));
    assertEquals("eu-west-1", conf.get("fs.s3a.endpoint.region"));
  }

  @Test
  void explicitS3aSettingsWinAndNoVariableChangesNothing() {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.endpoint", "https://s3.example.com");
    SparkContexts.s3aEndpointFromEnvironment(conf, Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"));
    assertEquals("https://s3.example.com", conf.get("fs.s3a.endpoint"));
    assertNull(conf.get("fs.s3a.path.style.access"));

    Configuration untouched = new Configuration(false);
    SparkContexts.s3aEndpointFromEnvironment(untouched, Map.of("AWS_REGION", "eu-west-1"));
    assertNull(untouched.get("fs.s3a.endpoint"));
  }

  @Test
  void sparksOwnDefaultEndpointDoesNotCountAsConfigured() {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.endpoint", "s3.amazonaws.com", "Set by Spark to default values");
    SparkContexts.s3aEndpointFromEnvironment(conf, Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"));
    assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
  }

  @Test
  void genericEndpointWithTlsAndDefaultRegion() {
    Configuration conf = new Configuration(false);
    SparkContexts.s3aEndpointFromEnvironment(conf, Map.of("AWS_ENDPOINT_URL", "https://minio.internal:9000"));
    assertEquals("https://minio.internal:9000", conf.get("fs.s3a.endpoint"));
    assertEquals("true", conf.get("fs.s3a.connection.ssl.enabled"));
    assertEquals("us-east-1", conf.get("fs.s3a.endpoint.region"));
  }

  @Test
  void plainHttpOffLoopbackIsRefusedUnlessAllowed() {
    Configuration conf = new Configuration(false);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SparkContexts.s3aEndpointFromEnvironment(conf, Map.of("AWS_ENDPOINT_URL_S3", "http://minio.internal:9000")));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("plain-http S3 endpoint"), e.getMessage());
    assertNull(conf.get("fs.s3a.endpoint"));

    SparkContexts.s3aEndpointFromEnvironment(conf, Map.of("AWS_ENDPOINT_URL_S3", "http://minio.internal:9000",
        "WORDFREQ_ALLOW_HTTP_ENDPOINTS", "true"));
    assertEquals("http://minio.internal:9000", conf.get("fs.s3a.endpoint"));
    assertEquals("false", conf.get("fs.s3a.connection.ssl.enabled"));
  }
}
