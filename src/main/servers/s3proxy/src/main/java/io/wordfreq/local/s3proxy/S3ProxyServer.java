package io.wordfreq.local.s3proxy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Main class of the embedded S3 server's JVM: S3Proxy on loopback over a filesystem blob store, wrapped so
 * that objects created in the notifying bucket send S3 event notifications to an SQS queue.
 *
 * <p>Configured by system properties ({@code wordfreq.s3.*}), set by {@code io.wordfreq.local}:
 * {@code port}, {@code basedir}, {@code identity}, {@code credential}, {@code region},
 * {@code notify.bucket}, {@code notify.suffix}, {@code notify.queueUrl}; each may come instead as an
 * environment variable {@code WORDFREQ_S3_<NAME>} — the secret ({@code WORDFREQ_S3_CREDENTIAL}) does.
 */
public final class S3ProxyServer {
  private S3ProxyServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(required("port"));
    Path basedir = Path.of(required("basedir"));
    Files.createDirectories(basedir);
    String region = System.getProperty("wordfreq.s3.region", "us-east-1");

    BlobStore store = new FilesystemNio2BlobStore(basedir.toString());
    String queueUrl = System.getProperty("wordfreq.s3.notify.queueUrl", "");
    if (!queueUrl.isEmpty()) {
      store =
          new NotifyingBlobStore(
              store,
              required("notify.bucket"),
              System.getProperty("wordfreq.s3.notify.suffix", ".txt"),
              new SqsQuerySender(URI.create(queueUrl)),
              new S3EventJson(region));
    }

    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, required("identity"), required("credential"))
            .build();
    proxy.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    proxy.stop();
                  } catch (Exception e) {
                    System.err.println("S3Proxy stop failed: " + e);
                  }
                  stopped.countDown();
                }));
    System.out.println("wordfreq S3 server listening on http://127.0.0.1:" + proxy.getPort()
        + " (state in " + basedir + ", notifications to " + (queueUrl.isEmpty() ? "none" : queueUrl) + ")");
    stopped.await();
  }

  private static String required(String name) {
    // The secret comes in the environment (WORDFREQ_S3_CREDENTIAL), not on the command line, which
    // every user of the machine can read.
    String fromEnv = System.getenv("WORDFREQ_S3_" + name.toUpperCase(java.util.Locale.ROOT));
    String value = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : System.getProperty("wordfreq.s3." + name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing system property wordfreq.s3." + name);
    }
    return value;
  }
}
