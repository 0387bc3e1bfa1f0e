package io.wordfreq.faults;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What goes wrong when reading from S3, injected by a {@link FaultProxy} in front of the embedded S3:
 * every {@code slowDownEvery}-th GET is answered {@code 503 SlowDown}, and the first GET of each
 * object larger than {@code cutAbove} bytes has its connection reset half-way through the body.
 */
public final class S3Faults implements FaultProxy.Handler {
  private static final String SLOW_DOWN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
      + "<RequestId>FAULTPROXY</RequestId></Error>";

  private final int slowDownEvery;
  private final int cutAbove;
  private final AtomicInteger gets = new AtomicInteger();
  private final Set<String> cut = ConcurrentHashMap.newKeySet();

  public final AtomicInteger slowDowns = new AtomicInteger();
  public final AtomicInteger resets = new AtomicInteger();

  public S3Faults(int slowDownEvery, int cutAbove) {
    this.slowDownEvery = slowDownEvery;
    this.cutAbove = cutAbove;
  }

  @Override
  public void handle(FaultProxy.Exchange ex) throws IOException {
    FaultProxy.Request r = ex.request();
    if (!"GET".equals(r.method())) {
      ex.pass();
      return;
    }
    if (gets.incrementAndGet() % slowDownEvery == 0) {
      slowDowns.incrementAndGet();
      ex.respond(FaultProxy.Response.of(503, "Slow Down", "application/xml", SLOW_DOWN));
      return;
    }
    FaultProxy.Response response = ex.forward(r);
    if (r.objectRead() && response.status() / 100 == 2 && response.body().length > cutAbove && cut.add(r.path())) {
      resets.incrementAndGet();
      ex.respondCutAfter(response, response.body().length / 2);
      return;
    }
    ex.respond(response);
  }
}
