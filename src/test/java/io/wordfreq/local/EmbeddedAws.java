package io.wordfreq.local;

import io.wordfreq.aws.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: embedded S3, SQS and DynamoDB on free loopback ports under a temporary folder, with
 * the buckets, queues and table created. One set of servers per test class (they take seconds to
 * start): its test methods share them, so each should use keys and items of its own (and drain the
 * jobs queue where it counts messages). They stop, and the folder is deleted, after the class.
 *
 * <p>Inject {@link LocalEndpoints}, {@link LocalServers} or {@link AwsClients} into test methods,
 * constructors or {@code @BeforeAll} methods:
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedAws.class)
 * class MyTest {
 *   @Test void writes(LocalEndpoints aws) {
 *     try (DynamoDbClient dynamo = aws.clients().dynamoDb()) { ... }   // or aws.environment()
 *   }
 * }
 * }</pre>
 */
public final class EmbeddedAws implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedAws.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    servers(context);
  }

  /**
   * The test class's servers: started by {@link #beforeAll} in the class's store, which method (and
   * {@code @Nested} class) contexts see through their parents.
   */
  public static LocalServers servers(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
        .servers;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalEndpoints.class || type == LocalServers.class || type == AwsClients.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    LocalServers servers = servers(context);
    if (type == LocalServers.class) {
      return servers;
    }
    if (type == AwsClients.class) {
      return servers.endpoints().clients();
    }
    return servers.endpoints();
  }

  /** The started servers, stopped when the class's context closes. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final Path dir;
    final LocalServers servers;

    private Running(Path dir, LocalServers servers) {
      this.dir = dir;
      this.servers = servers;
    }

    static Running start() {
      try {
        Path dir = Files.createTempDirectory("wordfreq-embedded-aws");
        LocalServers servers = LocalServers.start(LocalConfig.freePorts(dir), true);
        try {
          servers.ensureResources();
        } catch (RuntimeException e) {
          servers.close();
          throw e;
        }
        return new Running(dir, servers);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      servers.close();
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
