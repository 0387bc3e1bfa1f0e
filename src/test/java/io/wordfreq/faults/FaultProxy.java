package io.wordfreq.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fault-injecting HTTP/1.1 proxy in front of one embedded server, on loopback only: each request
 * goes to a {@link Handler}, which forwards it (possibly changed), answers it itself, drops the
 * connection, or forwards it and cuts the answer short. Requests are passed on byte for byte apart
 * from their framing, with the client's {@code Host} header kept, so SigV4 signatures still check
 * out at the server. One upstream connection per request ({@code Connection: close}), so the proxy
 * never has to frame a response it did not read in full.
 */
public final class FaultProxy implements AutoCloseable {

  /** Decides what happens to each request. */
  public interface Handler {
    void handle(Exchange exchange) throws IOException;
  }

  /** A request as the client sent it; header names as sent. */
  public record Request(String method, String target, List<String[]> headers, byte[] body) {
    public String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    /** The path of the target, without the query. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** A GET of an S3 object, path style ({@code /bucket/key}, no query: not a listing). */
    public boolean objectRead() {
      return "GET".equals(method) && query().isEmpty() && path().indexOf('/', 1) > 0;
    }

    public String query() {
      int q = target.indexOf('?');
      return q < 0 ? "" : target.substring(q + 1);
    }

    public Request withBody(byte[] newBody) {
      return new Request(method, target, headers, newBody);
    }
  }

  /** A response; {@code headers} exclude framing ({@code Content-Length}, {@code Transfer-Encoding}). */
  public record Response(int status, String reason, List<String[]> headers, byte[] body, long contentLength) {
    public String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    public Response withHeader(String name, String value) {
      List<String[]> changed = new ArrayList<>();
      for (String[] h : headers) {
        if (!h[0].equalsIgnoreCase(name)) {
          changed.add(h);
        }
      }
      if (value != null) {
        changed.add(new String[] {name, value});
      }
      return new Response(status, reason, changed, body, contentLength);
    }

    public Response withBody(byte[] newBody) {
      return new Response(status, reason, headers, newBody, newBody.length);
    }

    /** An answer made up by the proxy. */
    public static Response of(int status, String reason, String contentType, String body) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      List<String[]> headers = new ArrayList<>();
      headers.add(new String[] {"Content-Type", contentType});
      return new Response(status, reason, headers, bytes, bytes.length);
    }
  }

  /** One request on its way through: the handler calls exactly one of the answering methods. */
  public final class Exchange {
    private final Request request;
    private final Socket client;
    private final OutputStream out;
    private boolean keepOpen = true;

    private Exchange(Request request, Socket client, OutputStream out) {
      this.request = request;
      this.client = client;
      this.out = out;
    }

    public Request request() {
      return request;
    }

    /** Sends {@code r} to the server and returns its full response (not yet passed on). */
    public Response forward(Request r) throws IOException {
      return FaultProxy.this.forward(r);
    }

    /** Passes the request on unchanged and its response back unchanged. */
    public void pass() throws IOException {
      respond(forward(request));
    }

    public void respond(Response r) throws IOException {
      writeHead(r, r.contentLength());
      if (!"HEAD".equals(request.method())) {
        out.write(r.body());
      }
      out.flush();
    }

    /** Closes the client's connection with a reset, without any answer. */
    public void drop() throws IOException {
      reset();
    }

    /** Sends the head and the first {@code bytes} of the body, then resets the connection. */
    public void respondCutAfter(Response r, int bytes) throws IOException {
      writeHead(r, r.contentLength());
      out.write(r.body(), 0, Math.min(bytes, r.body().length));
      out.flush();
      reset();
    }

    private void reset() throws IOException {
      keepOpen = false;
      client.setSoLinger(true, 0);
      client.close();
    }

    private void writeHead(Response r, long contentLength) throws IOException {
      StringBuilder head = new StringBuilder();
      head.append("HTTP/1.1 ").append(r.status()).append(' ').append(r.reason()).append("\r\n");
      for (String[] h : r.headers()) {
        head.append(h[0]).append(": ").append(h[1]).append("\r\n");
      }
      head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static final List<String> HOP_BY_HOP =
      List.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "content-length", "expect", "te");

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final Handler handler;
  private final java.util.Set<Socket> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });

  /** A proxy on a free loopback port in front of {@code upstream} (an {@code http://} loopback URI). */
  public FaultProxy(URI upstream, Handler handler) throws IOException {
    InetAddress upstreamHost = InetAddress.getByName(upstream.getHost());
    if (!upstreamHost.isLoopbackAddress()) {
      throw new IllegalArgumentException("loopback servers only: " + upstream);
    }
    this.upstream = new InetSocketAddress(upstreamHost, upstream.getPort());
    this.handler = handler;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    server.close();
    // Kept-alive connections too: a client still retrying must find nothing here any more.
    for (Socket client : clients) {
      client.close();
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        clients.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        Request request = readRequest(in, out);
        if (request == null) {
          return;
        }
        Exchange exchange = new Exchange(request, client, out);
        handler.handle(exchange);
        if (!exchange.keepOpen) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or the handler cut the connection: nothing to answer.
    } finally {
      clients.remove(client);
    }
  }

  private static Request readRequest(InputStream in, OutputStream out) throws IOException {
    List<String> lines = readHead(in);
    if (lines == null) {
      return null;
    }
    String[] first = lines.get(0).split(" ", 3);
    List<String[]> headers = headers(lines);
    Request r = new Request(first[0], first[1], headers, new byte[0]);
    if ("100-continue".equalsIgnoreCase(r.header("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    return r.withBody(readBody(in, r.header("Content-Length"), r.header("Transfer-Encoding"), false));
  }

  private Response forward(Request r) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(upstream, 5_000);
      OutputStream up = s.getOutputStream();
      StringBuilder head = new StringBuilder(r.method() + " " + r.target() + " HTTP/1.1\r\n");
      for (String[] h : r.headers()) {
        if (!HOP_BY_HOP.contains(h[0].toLowerCase(Locale.ROOT))) {
          head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
      }
      head.append("Content-Length: ").append(r.body().length).append("\r\nConnection: close\r\n\r\n");
      up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      up.write(r.body());
      up.flush();
      InputStream in = new BufferedInputStream(s.getInputStream());
      List<String> lines;
      String[] status;
      do { // skip interim 1xx answers
        lines = readHead(in);
        if (lines == null) {
          throw new EOFException("upstream closed without a response");
        }
        status = lines.get(0).split(" ", 3);
      } while (status[1].startsWith("1"));
      List<String[]> all = headers(lines);
      List<String[]> kept = new ArrayList<>();
      String length = null;
      String encoding = null;
      for (String[] h : all) {
        String name = h[0].toLowerCase(Locale.ROOT);
        if (name.equals("content-length")) {
          length = h[1];
        } else if (name.equals("transfer-encoding")) {
          encoding = h[1];
        } else if (!HOP_BY_HOP.contains(name)) {
          kept.add(h);
        }
      }
      int code = Integer.parseInt(status[1]);
      boolean noBody = "HEAD".equals(r.method()) || code == 204 || code == 304;
      byte[] body = noBody ? new byte[0] : readBody(in, length, encoding, true);
      long contentLength = noBody && length != null ? Long.parseLong(length.trim()) : body.length;
      return new Response(code, status.length > 2 ? status[2] : "", kept, body, contentLength);
    }
  }

  private static List<String[]> headers(List<String> lines) {
    List<String[]> headers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
      }
    }
    return headers;
  }

  /** The lines of a message head, or null at a clean end of stream. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b;
      try {
        b = in.read();
      } catch (SocketException e) {
        return null;
      }
      if (b < 0) {
        if (lines.isEmpty() && line.size() == 0) {
          return null;
        }
        throw new EOFException("end of stream inside a message head");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        line.reset();
        if (text.isEmpty()) {
          if (lines.isEmpty()) {
            continue;
          }
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
  }

  private static byte[] readBody(InputStream in, String length, String encoding, boolean toEof) throws IOException {
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in);
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        if (size == 0) {
          while (!readLine(in).isEmpty()) { // trailers
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(size));
        readLine(in);
      }
    }
    if (length != null) {
      int n = Integer.parseInt(length.trim());
      byte[] body = in.readNBytes(n);
      if (body.length < n) {
        throw new EOFException("body shorter than its Content-Length");
      }
      return body;
    }
    return toEof ? in.readAllBytes() : new byte[0];
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("end of stream in a chunked body");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
