package io.wordfreq.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that adds a fixed delay to every HTTP request, so object-store work is
 * measured at S3's latency rather than a local server's microseconds: each request waits
 * {@code delay} before it is passed on (a request is the client's first bytes after a response, or
 * on a new connection, as HTTP/1.1 without pipelining sends them).
 *
 * <p>Bounded and self-stopping: it listens on 127.0.0.1 only and connects to 127.0.0.1 only; at most
 * {@code --max-connections} connections at once (more wait to be accepted); it exits after
 * {@code --max-seconds}, after {@code --idle-seconds} with no traffic, or when the process
 * {@code --parent PID} ends.
 *
 * <p>With {@code --slow-down-every N} it answers every Nth GET itself with S3's throttling reply
 * ({@code 503 SlowDown}) instead of passing it on, to show what the reader does when S3 throttles.
 *
 * <p>Usage: {@code LatencyProxy --listen PORT --target PORT --delay-ms MS [--max-connections N]
 * [--max-seconds S] [--idle-seconds S] [--parent PID] [--slow-down-every N]}
 */
public final class LatencyProxy {
  private final int target;
  private final long delayMillis;
  private final Semaphore connections;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong slowDowns = new AtomicLong();
  private long slowDownEvery;
  private volatile long lastActivity = System.nanoTime();

  private LatencyProxy(int target, long delayMillis, int maxConnections) {
    this.target = target;
    this.delayMillis = delayMillis;
    this.connections = new Semaphore(maxConnections);
  }

  public static void main(String[] args) throws Exception {
    int listen = -1;
    int target = -1;
    long delay = -1;
    int maxConnections = 512;
    long maxSeconds = 1800;
    long idleSeconds = 300;
    long parent = -1;
    long slowDownEvery = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--listen" -> listen = Integer.parseInt(args[i + 1]);
        case "--target" -> target = Integer.parseInt(args[i + 1]);
        case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
        case "--max-connections" -> maxConnections = Integer.parseInt(args[i + 1]);
        case "--max-seconds" -> maxSeconds = Long.parseLong(args[i + 1]);
        case "--idle-seconds" -> idleSeconds = Long.parseLong(args[i + 1]);
        case "--parent" -> parent = Long.parseLong(args[i + 1]);
        case "--slow-down-every" -> slowDownEvery = Long.parseLong(args[i + 1]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (listen < 0 || target < 0 || delay < 0 || maxConnections < 1 || args.length % 2 != 0) {
      usage("--listen, --target and --delay-ms are required");
    }
    LatencyProxy proxy = new LatencyProxy(target, delay, maxConnections);
    proxy.slowDownEvery = slowDownEvery;
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listen), 128);
    System.err.printf("latency proxy: 127.0.0.1:%d -> 127.0.0.1:%d, +%d ms per request (stops after %d s, "
        + "%d s idle%s)%n", listen, target, delay, maxSeconds, idleSeconds, parent > 0 ? " or with process " + parent : "");
    proxy.watchdog(maxSeconds, idleSeconds, parent);
    Runtime.getRuntime().addShutdownHook(new Thread(proxy::printTotals));
    proxy.serve(server);
  }

  private static void usage(String why) {
    System.err.println("LatencyProxy: " + why + "\nusage: LatencyProxy --listen PORT --target PORT --delay-ms MS "
        + "[--max-connections N] [--max-seconds S] [--idle-seconds S] [--parent PID]");
    System.exit(2);
  }

  private void serve(ServerSocket server) throws IOException, InterruptedException {
    while (true) {
      connections.acquire();
      Socket client = server.accept();
      accepted.incrementAndGet();
      lastActivity = System.nanoTime();
      Socket upstream;
      try {
        upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      } catch (IOException e) {
        client.close();
        connections.release();
        continue;
      }
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      Connection c = new Connection(client, upstream);
      thread(() -> c.pump(true), "request");
      thread(() -> c.pump(false), "response");
    }
  }

  private static void thread(Runnable r, String name) {
    Thread t = new Thread(r, "latency-proxy-" + name);
    t.setDaemon(true);
    t.start();
  }

  private void printTotals() {
    System.err.printf("latency proxy: %,d connections, %,d requests delayed, %,d answered 503 SlowDown%n",
        accepted.get(), requests.get(), slowDowns.get());
  }

  private void watchdog(long maxSeconds, long idleSeconds, long parent) {
    long started = System.nanoTime();
    thread(() -> {
      while (true) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        String why = null;
        if (now - started > maxSeconds * 1_000_000_000L) {
          why = "ran " + maxSeconds + " s";
        } else if (now - lastActivity > idleSeconds * 1_000_000_000L) {
          why = "idle " + idleSeconds + " s";
        } else if (parent > 0 && ProcessHandle.of(parent).map(p -> !p.isAlive()).orElse(true)) {
          why = "process " + parent + " ended";
        }
        if (why != null) {
          System.err.printf("latency proxy: stopping (%s)%n", why);
          System.exit(0);
        }
      }
    }, "watchdog");
  }

  /** One client connection and its upstream one. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;
    /** True when the client's next bytes begin a new request. */
    private volatile boolean newRequest = true;
    private boolean closed;

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void pump(boolean toUpstream) {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = (toUpstream ? client : upstream).getInputStream()) {
        OutputStream out = (toUpstream ? upstream : client).getOutputStream();
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          lastActivity = System.nanoTime();
          if (toUpstream && newRequest) {
            newRequest = false;
            requests.incrementAndGet();
            Thread.sleep(delayMillis);
            if (slowDown(buf, n)) {
              newRequest = true;
              continue;
            }
          } else if (!toUpstream) {
            newRequest = true;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // The other side closed, or the connection broke: close both.
      } finally {
        close();
      }
    }

    /**
     * Answers a whole GET request (all its headers in this read) with 503 SlowDown if it is the Nth;
     * returns whether it did. The request never reaches the server; the connection stays open.
     */
    private boolean slowDown(byte[] buf, int n) throws IOException {
      if (slowDownEvery <= 0 || n < 8) {
        return false;
      }
      String head = new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (!head.startsWith("GET ") || !head.endsWith("\r\n\r\n") || gets.incrementAndGet() % slowDownEvery != 0) {
        return false;
      }
      slowDowns.incrementAndGet();
      String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message><RequestId>proxy</RequestId></Error>";
      String reply = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length()
          + "\r\nx-amz-request-id: proxy\r\n\r\n" + body;
      OutputStream out = client.getOutputStream();
      out.write(reply.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    }

    private synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        client.close();
      } catch (IOException e) {
        // closing anyway
      }
      try {
        upstream.close();
      } catch (IOException e) {
        // closing anyway
      }
      connections.release();
    }
  }
}
