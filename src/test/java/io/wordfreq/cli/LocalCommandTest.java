package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wordfreq local}'s errors and exit codes (starting the servers is covered by the
 * io.wordfreq.local tests): a taken port, a bad port, {@code down} with nothing running.
 */
class LocalCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void captureErr() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(savedErr);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void takenPortIsAOneLineErrorNamingTheOption(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      int code =
          WordFreqCli.commandLine()
              .execute("local", "up", "--dir", dir.toString(), "--sqs-port", Integer.toString(port),
                  "--s3-port", "0", "--dynamodb-port", "0");
      assertEquals(1, code);
      assertTrue(err().contains("port " + port + " for SQS (ElasticMQ) is already in use"), err());
      assertTrue(err().contains("--sqs-port"), err());
      assertFalse(Files.exists(dir.resolve("run").resolve("s3proxy.pid")), "nothing started");
    }
  }

  @Test
  void badPortIsBadUsage(@TempDir Path dir) {
    int code = WordFreqCli.commandLine().execute("local", "up", "--dir", dir.toString(), "--s3-port", "70000");
    assertEquals(2, code);
    assertTrue(err().contains("--s3-port must be a port number"), err());
  }

  @Test
  void downWithNothingRunningSaysSo(@TempDir Path dir) {
    int code = WordFreqCli.commandLine().execute("local", "down", "--dir", dir.toString());
    assertEquals(0, code);
    assertTrue(err().contains("nothing running"), err());
  }
}
