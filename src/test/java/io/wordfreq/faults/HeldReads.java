package io.wordfreq.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Holds object reads in place, for a {@link FaultProxy} in front of the embedded S3: each GET of an
 * object whose path ({@code /bucket/key}) matches waits at the proxy, its reader blocked on the first
 * byte, until the test lets it go; every other request passes at once. So a test can make "a read is
 * in flight" a state that lasts as long as it needs (to kill the process reading, or to count reads
 * open at once) instead of a moment it has to catch. The proxy's side counts: how many reads are held
 * now, and the most held at once.
 */
public final class HeldReads implements FaultProxy.Handler {
  private final Predicate<String> objects;
  private final List<CountDownLatch> waiting = new ArrayList<>();
  private boolean open;
  private int held;
  private int maxHeld;
  private int total;

  /** Holds GETs of objects whose {@code /bucket/key} path {@code objects} accepts. */
  public HeldReads(Predicate<String> objects) {
    this.objects = objects;
  }

  @Override
  public void handle(FaultProxy.Exchange ex) throws IOException {
    FaultProxy.Request r = ex.request();
    boolean objectRead = "GET".equals(r.method()) && r.query().isEmpty() && r.path().indexOf('/', 1) > 0;
    if (!objectRead || !objects.test(r.path()) || !hold()) {
      ex.pass();
      return;
    }
    try {
      ex.pass();
    } finally {
      synchronized (this) {
        held--;
        notifyAll();
      }
    }
  }

  /** Waits for the release; false (not held) if reads are let through already. */
  private boolean hold() throws IOException {
    CountDownLatch released = new CountDownLatch(1);
    synchronized (this) {
      if (open) {
        return false;
      }
      waiting.add(released);
      held++;
      total++;
      maxHeld = Math.max(maxHeld, held);
      notifyAll();
    }
    try {
      released.await();
      return true;
    } catch (InterruptedException e) {
      // The proxy is closing.
      synchronized (this) {
        held--;
        notifyAll();
      }
      Thread.currentThread().interrupt();
      throw new IOException("proxy closed while the read was held", e);
    }
  }

  /** Lets every held read go, the oldest first, and holds no more. */
  public synchronized void release() {
    open = true;
    waiting.forEach(CountDownLatch::countDown);
    waiting.clear();
  }

  /**
   * Lets the held reads go one at a time, the newest first, each once its answer has left the proxy
   * (so its reader has it before the next one's), and holds no more.
   */
  public void releaseNewestFirst() throws InterruptedException {
    List<CountDownLatch> order;
    synchronized (this) {
      open = true;
      order = new ArrayList<>(waiting);
      waiting.clear();
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      int stillHeld;
      synchronized (this) {
        stillHeld = held;
      }
      order.get(i).countDown();
      synchronized (this) {
        while (held >= stillHeld) {
          wait();
        }
      }
    }
  }

  /** Waits until at least {@code n} reads are held at once; false if {@code patience} ran out first. */
  public synchronized boolean awaitHeld(int n, Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (held < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Reads held right now, or let go and not yet answered. */
  public synchronized int held() {
    return held;
  }

  /** The most reads held at once so far. */
  public synchronized int maxHeld() {
    return maxHeld;
  }

  /** Reads held so far, released or not. */
  public synchronized int total() {
    return total;
  }
}
