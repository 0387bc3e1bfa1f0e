package io.wordfreq.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.s3a.S3AFileStatus;
import org.apache.hadoop.fs.s3a.S3ALocatedFileStatus;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CPU one small object costs to read, in one JVM, apart from start-up: every object under an
 * {@code s3a://} prefix read whole, several passes, the process CPU of each pass divided by the
 * objects. Two ways, interleaved pass by pass: {@code s3a} as the job reads (openFile with the listed
 * length, sequential policy and a status carrying the ETag, so each GET has If-Match; read; close) and
 * {@code sdk}, a bare AWS SDK v2 GetObject with the same If-Match on a client of its own: what the
 * request itself costs. Settings: the embedded server's environment ({@code AWS_ENDPOINT_URL_S3},
 * keys), and {@code -Dspark.hadoop.KEY=VALUE} system properties for s3a (as Spark passes them).
 *
 * <p>Usage: {@code S3aReadCost <s3a://bucket/prefix/> [threads] [passes]}; prints one line per pass
 * and the median of the passes after the first (which warms up the JIT and the connections).
 */
public final class S3aReadCost {
  private S3aReadCost() {
  }

  public static void main(String[] args) throws Exception {
    URI prefix = URI.create(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String endpoint = System.getenv("AWS_ENDPOINT_URL_S3");
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", endpoint);
    conf.set("fs.s3a.endpoint.region", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.connection.ssl.enabled", String.valueOf(endpoint.startsWith("https")));
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
        .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
    FileSystem fs = new Path(prefix).getFileSystem(conf);
    List<S3ALocatedFileStatus> objects = new ArrayList<>();
    for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(prefix), true); it.hasNext(); ) {
      objects.add((S3ALocatedFileStatus) it.next());
    }
    S3Client sdk = S3Client.builder().endpointOverride(URI.create(endpoint))
        .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1"))).forcePathStyle(true).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Double> s3a = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int pass = 0; pass < passes; pass++) {
      for (String way : List.of("s3a", "sdk")) {
        AtomicLong bytes = new AtomicLong();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> reads = new ArrayList<>();
        for (S3ALocatedFileStatus st : objects) {
          reads.add(pool.submit(() -> {
            bytes.addAndGet(way.equals("s3a") ? viaS3a(fs, st) : viaSdk(sdk, st));
            return null;
          }));
        }
        for (Future<?> f : reads) {
          f.get();
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / objects.size();
        System.out.printf("pass %d %-3s %,d objects %,d bytes: %.1f s wall, %.3f ms CPU per object%n", pass, way,
            objects.size(), bytes.get(), (System.nanoTime() - t0) / 1e9, cpuMs);
        if (pass > 0) {
          (way.equals("s3a") ? s3a : bare).add(cpuMs);
        }
      }
    }
    System.out.printf("median after the first pass, ms CPU per object: s3a %.3f, sdk %.3f, s3a / sdk %.2f (%d threads)%n",
        median(s3a), median(bare), median(s3a) / median(bare), threads);
    pool.shutdown();
    sdk.close();
    fs.close();
  }

  private static long viaS3a(FileSystem fs, S3ALocatedFileStatus listed) throws Exception {
    S3AFileStatus pinned = new S3AFileStatus(listed.getLen(), 0, listed.getPath(), listed.getBlockSize(), "",
        listed.getEtag(), listed.getVersionId());
    try (InputStream in = fs.openFile(listed.getPath())
        .opt(Options.OpenFileOptions.FS_OPTION_OPENFILE_READ_POLICY, "sequential")
        .optLong(Options.OpenFileOptions.FS_OPTION_OPENFILE_LENGTH, listed.getLen())
        .withFileStatus(pinned).build().get()) {
      return in.readNBytes((int) listed.getLen()).length;
    }
  }

  private static long viaSdk(S3Client sdk, S3ALocatedFileStatus listed) throws Exception {
    URI uri = listed.getPath().toUri();
    try (InputStream in = sdk.getObject(b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1))
        .ifMatch(listed.getEtag()))) {
      return in.readAllBytes().length;
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.isEmpty() ? Double.NaN : (s.get((s.size() - 1) / 2) + s.get(s.size() / 2)) / 2;
  }
}
