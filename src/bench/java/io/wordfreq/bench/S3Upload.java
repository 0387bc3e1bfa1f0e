package io.wordfreq.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads a benchmark corpus to the embedded S3 server ({@code bin/wordfreq local up}), so the s3a
 * workload reads real objects with ETags. Endpoint and keys come from the environment the server
 * prints ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ACCESS_KEY_ID}, ...).
 *
 * <p>Usage: {@code S3Upload <dir> <bucket> <prefix>}; skips objects already there.
 */
public final class S3Upload {
  private S3Upload() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String bucket = args[1];
    String prefix = args[2].endsWith("/") ? args[2] : args[2] + "/";
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_S3")))
        .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
        .forcePathStyle(true)
        .build();
        Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      int present = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
          .mapToInt(o -> 1).sum();
      if (present == all.size()) {
        System.err.println("s3://" + bucket + "/" + prefix + ": " + present + " objects already there");
        return;
      }
      all.parallelStream().forEach(f ->
          s3.putObject(b -> b.bucket(bucket).key(prefix + f.getFileName()), RequestBody.fromFile(f)));
      System.err.println("s3://" + bucket + "/" + prefix + ": " + all.size() + " objects uploaded");
    }
  }
}
