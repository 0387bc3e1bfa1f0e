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
 * object whose path ({@code /bucket/key}) matches waits at the proxy, its reader blocked before the
 * first byte, until the test lets it go; every other request passes at once. So "a read is in
 * flight" becomes a state that lasts as long as the test needs (to kill the process reading, to see
 * how many reads a reader keeps open at once) instead of a moment it has to catch.
 *
 * <p>The server side counts, not the code under test: the matching reads in flight now (arrived and
 * not yet answered, held or not) and the most at once.
 */
public final class HeldReads implements FaultProxy.Handler {
  private final Predicate<String> objects;
  /** Held reads in the order they came, each with its release and its answer sent. */
  private final List<CountDownLatch[]> waiting = new ArrayList<>();
  private boolean open;
  private int inFlight;
  private int maxInFlight;

  /** Holds GETs of objects whose {@code /bucket/key} path {@code objects} accepts, until released. */
  public HeldReads(Predicate<String> objects) {
    this.objects = objects;
  }

  @Override
  public void handle(FaultProxy.Exchange ex) throws IOException {
    FaultProxy.Request r = ex.request();
    if (!r.objectRead() || !objects.test(r.path())) {
      ex.pass();
      return;
    }
    CountDownLatch released = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    synchronized (this) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (!open) {
        waiting.add(new CountDownLatch[] {released, answered});
      } else {
        released.countDown();
      }
      notifyAll();
    }
    try {
      FaultProxy.Response response;
      try {
        released.await();
        response = ex.forward(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("proxy closed while the read was held", e);
      } finally {
        // No longer in flight once its answer is ready, before the reader can have a byte of it: a
        // reader that then starts its next read is never counted with this one.
        synchronized (this) {
          inFlight--;
          notifyAll();
        }
      }
      ex.respond(response);
    } finally {
      answered.countDown();
    }
  }

  /** Lets every held read go, and holds no more. */
  public void release() {
    for (CountDownLatch[] read : open()) {
      read[0].countDown();
    }
  }

  /**
   * Lets the held reads go one at a time, the newest first, each once the one before has been
   * answered (so their readers get them in that order), and holds no more.
   */
  public void releaseNewestFirst() throws InterruptedException {
    List<CountDownLatch[]> reads = open();
    for (int i = reads.size() - 1; i >= 0; i--) {
      reads.get(i)[0].countDown();
      reads.get(i)[1].await();
    }
  }

  private synchronized List<CountDownLatch[]> open() {
    open = true;
    List<CountDownLatch[]> reads = List.copyOf(waiting);
    waiting.clear();
    return reads;
  }

  /** Waits until at least {@code n} reads are held at once; false if {@code patience} ran out first. */
  public synchronized boolean awaitHeld(int n, Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (waiting.size() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Reads held right now. */
  public synchronized int held() {
    return waiting.size();
  }

  /** The most matching reads in flight at once so far (held, or on their way through). */
  public synchronized int maxInFlight() {
    return maxInFlight;
  }
}
