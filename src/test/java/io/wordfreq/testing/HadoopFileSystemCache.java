package io.wordfreq.testing;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that owns Hadoop's JVM-wide {@link FileSystem} cache: it empties it (closing what
 * it holds) after the test class, or after each test. The cache is keyed by scheme, bucket and user,
 * not by endpoint: a class that reads {@code s3a://wordfreq-processing} at its own embedded S3 leaves an
 * instance behind that a later class, with servers of its own, would be handed, and fail or pass
 * depending on the order the classes run in. Every test class that makes Hadoop open a file system in
 * this JVM (s3a above all: a {@code count} run in-process, a Spark context reading S3) carries it:
 *
 * <pre>{@code
 * @ExtendWith(HadoopFileSystemCache.class)   // emptied after the class
 * class MyTest { ... }
 *
 * @RegisterExtension                         // emptied after each test: its tests use different endpoints
 * static final HadoopFileSystemCache CACHE = HadoopFileSystemCache.afterEachTest();
 * }</pre>
 *
 * <p>After each test only where each test makes its own Spark context: a context kept for the class
 * may hold file systems that must not be closed under it.
 */
public final class HadoopFileSystemCache implements AfterAllCallback, AfterEachCallback {
  private final boolean afterEach;

  /** Empties the cache after the class (what {@code @ExtendWith} makes). */
  public HadoopFileSystemCache() {
    this(false);
  }

  private HadoopFileSystemCache(boolean afterEach) {
    this.afterEach = afterEach;
  }

  /** Empties the cache after each test, and after the class. */
  public static HadoopFileSystemCache afterEachTest() {
    return new HadoopFileSystemCache(true);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (afterEach) {
      FileSystem.closeAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    FileSystem.closeAll();
  }
}
