package io.wordfreq.bench;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.input.InputLister;
import io.wordfreq.job.input.ListedInputs;
import io.wordfreq.job.spark.SparkContexts;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.apache.spark.SparkConf;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Listing a large prefix through s3a: the count job's {@link InputLister} with one listing in flight
 * (the single flat listing) against several (common prefixes listed concurrently), interleaved, on
 * the endpoint of {@code AWS_ENDPOINT_URL_S3} (the latency proxy in front of the embedded S3). Prints
 * each run's time, files and s3a's request counters (LIST and HEAD), then the medians and their
 * ratio, and whether every variant listed the same files with the same ETags. Pages are of 1,000 keys,
 * as S3's (system property {@code listing.pageSize}).
 *
 * <p>{@code ListingBench create BUCKET PREFIX KEYS FOLDERS}: puts KEYS small objects under PREFIX, in
 * FOLDERS common prefixes ({@code PREFIX/u000/...}; 0: all directly under PREFIX), unless they are there.
 * <br>{@code ListingBench time URI RUNS THREADS[,THREADS...]}
 */
public final class ListingBench {
  private static final int PAGE_SIZE = Integer.getInteger("listing.pageSize", 1000);

  private ListingBench() {
  }

  public static void main(String[] args) throws Exception {
    if ("create".equals(args[0])) {
      create(args[1], args[2].endsWith("/") ? args[2] : args[2] + "/", Integer.parseInt(args[3]),
          Integer.parseInt(args[4]));
    } else {
      String uri = args[1];
      int runs = Integer.parseInt(args[2]);
      List<Integer> variants = new ArrayList<>();
      for (String t : args[3].split(",")) {
        variants.add(Integer.parseInt(t));
      }
      time(uri, runs, variants);
    }
  }

  private static S3Client s3() {
    return S3Client.builder()
        .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_S3")))
        .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
        .forcePathStyle(true)
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(32))
        .build();
  }

  private static void create(String bucket, String prefix, int keys, int folders) throws Exception {
    try (S3Client s3 = s3()) {
      // A marker beside the prefix says a previous run put them all (listing them to count would take
      // minutes: the embedded S3 walks its folder for every page).
      String marker = "bench/listing-complete/" + prefix.replace('/', '_') + keys + "-" + folders;
      try {
        s3.headObject(b -> b.bucket(bucket).key(marker));
        System.err.printf("s3://%s/%s: %,d objects already there%n", bucket, prefix, keys);
        return;
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
        // not yet
      }
      ExecutorService pool = Executors.newFixedThreadPool(16);
      AtomicInteger done = new AtomicInteger();
      long t0 = System.nanoTime();
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        String key = folders > 0 ? String.format("%su%03d/f%07d.txt", prefix, i % folders, i)
            : String.format("%sf%07d.txt", prefix, i);
        String body = "object " + i + "\n";
        puts.add(pool.submit(() -> {
          s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
          int n = done.incrementAndGet();
          if (n % 10_000 == 0) {
            System.err.printf("  %,d objects put (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9);
          }
        }));
      }
      for (Future<?> f : puts) {
        f.get();
      }
      pool.shutdown();
      s3.putObject(b -> b.bucket(bucket).key(marker), RequestBody.fromString(keys + " keys\n"));
      System.err.printf("s3://%s/%s: %,d objects put in %.0f s%n", bucket, prefix, keys, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static void time(String uri, int runs, List<Integer> variants) throws Exception {
    Map<Integer, List<Double>> seconds = new LinkedHashMap<>();
    Map<Integer, List<InputFile>> listings = new LinkedHashMap<>();
    System.out.printf("%-8s %4s %10s %9s %6s %6s%n", "threads", "run", "files", "seconds", "LISTs", "HEADs");
    for (int run = 0; run <= runs; run++) {
      for (int threads : variants) {
        Configuration conf = SparkContexts.hadoopConfiguration(new SparkConf(false));
        conf.setInt(InputLister.THREADS_KEY, threads);
        // S3 returns at most 1,000 keys a page; the embedded server returns s3a's 5,000 unless asked.
        conf.setInt("fs.s3a.paging.maximum", PAGE_SIZE);
        FileSystem.closeAll(); // a new s3a instance: its own connections and counters
        // Run 0 warms up (class loading, the SDK's start) on the prefix's first common prefix only.
        String what = run == 0 ? warmUpPrefix(uri, conf) : uri;
        long t0 = System.nanoTime();
        ListedInputs listed = new InputLister(conf, "*.txt").list(List.of(what), List.of());
        double s = (System.nanoTime() - t0) / 1e9;
        IOStatistics stats = IOStatisticsSupport.retrieveIOStatistics(FileSystem.get(URI.create(uri), conf));
        // A listing's first page is an object_list_request, each further page an object_continue_list_request.
        long lists = stats.counters().getOrDefault("object_list_request", 0L)
            + stats.counters().getOrDefault("object_continue_list_request", 0L);
        long heads = stats.counters().getOrDefault("object_metadata_request", -1L);
        System.out.printf("%-8d %4s %,10d %9.2f %6d %6d%n", threads, run == 0 ? "warm" : run, listed.files().size(), s,
            lists, heads);
        if (run == 0) {
          continue;
        }
        seconds.computeIfAbsent(threads, t -> new ArrayList<>()).add(s);
        if (run > 0) {
          listings.put(threads, listed.files());
        }
      }
    }
    FileSystem.closeAll();
    double first = median(seconds.get(variants.get(0)));
    for (int threads : variants) {
      double m = median(seconds.get(threads));
      System.out.printf("threads %d: median %.2f s, %.2f of %d thread%s%n", threads, m, m / first, variants.get(0),
          variants.get(0) == 1 ? "" : "s");
    }
    List<InputFile> reference = listings.get(variants.get(0));
    for (int threads : variants) {
      System.out.printf("threads %d: %s%n", threads,
          listings.get(threads).equals(reference) ? "same files and ETags as " + variants.get(0)
              : "LISTING DIFFERS from " + variants.get(0));
    }
  }

  /** The first common prefix under {@code uri}, or {@code uri} itself when it has none. */
  private static String warmUpPrefix(String uri, Configuration conf) throws java.io.IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(uri);
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.FileStatus> it =
        root.getFileSystem(conf).listStatusIterator(root);
    while (it.hasNext()) {
      org.apache.hadoop.fs.FileStatus st = it.next();
      if (st.isDirectory()) {
        return st.getPath().toString();
      }
    }
    return uri;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
