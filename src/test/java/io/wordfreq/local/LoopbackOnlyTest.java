package io.wordfreq.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded servers listen on loopback only — DynamoDB Local too, which has no option for it
 * (started through our wrapper that binds its connector to 127.0.0.1). Read from the kernel's table
 * of listening TCP sockets ({@code /proc/net/tcp}, {@code tcp6}): every socket on a server's port
 * must be bound to 127.0.0.1 or ::1, none to a wildcard or an external address.
 */
@ExtendWith(EmbeddedAws.class)
class LoopbackOnlyTest {

  @Test
  void everyEmbeddedServerListensOnLoopbackOnly(LocalEndpoints aws) throws IOException {
    for (var endpoint : List.of(aws.s3(), aws.sqs(), aws.dynamoDb())) {
      List<String> addresses = listeningAddresses(endpoint.getPort());
      assertFalse(addresses.isEmpty(), "something listens on " + endpoint);
      for (String address : addresses) {
        assertEquals(true, isLoopback(address), endpoint + " listens on " + address + " (all: " + addresses + ")");
      }
    }
  }

  /** The local addresses (hex, as the kernel writes them) of the sockets listening on {@code port}. */
  private static List<String> listeningAddresses(int port) throws IOException {
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
        String[] f = line.trim().split("\\s+");
        String[] local = f[1].split(":");
        if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) { // 0A: LISTEN
          found.add(local[0].toUpperCase(Locale.ROOT));
        }
      }
    }
    return found;
  }

  /** 127.x.x.x (little-endian hex, first byte last), ::1, or ::ffff:127.x.x.x. */
  private static boolean isLoopback(String hex) {
    if (hex.length() == 8) {
      return hex.endsWith("7F");
    }
    return hex.equals("00000000000000000000000001000000")
        || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
  }
}
