package io.wordfreq.job.read;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A test file system ({@code slowfs:///path}) over local files whose opens wait: a file named
 * {@code ...-<ms>ms.txt} waits that long, like an object store's first byte. It records how many
 * streams are open at once and how many of their bytes, so tests can see reads overlap and stay
 * within their bounds. Static state: one test class at a time uses it.
 */
public final class SlowFileSystem extends RawLocalFileSystem {
  static final AtomicInteger open = new AtomicInteger();
  static final AtomicInteger maxOpen = new AtomicInteger();
  static final AtomicLong openBytes = new AtomicLong();
  static final AtomicLong maxOpenBytes = new AtomicLong();
  static final AtomicInteger opens = new AtomicInteger();

  static void reset() {
    open.set(0);
    maxOpen.set(0);
    openBytes.set(0);
    maxOpenBytes.set(0);
    opens.set(0);
  }

  @Override
  public URI getUri() {
    return URI.create("slowfs:///");
  }

  @Override
  public String getScheme() {
    return "slowfs";
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    String name = f.getName();
    int ms = name.matches(".*-\\d+ms\\.txt") ? Integer.parseInt(name.replaceAll(".*-(\\d+)ms\\.txt", "$1")) : 0;
    long length;
    try {
      length = getFileStatus(f).getLen();
    } catch (FileNotFoundException e) {
      throw e;
    }
    opens.incrementAndGet();
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    maxOpenBytes.accumulateAndGet(openBytes.addAndGet(length), Math::max);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FSDataInputStream in = super.open(f, bufferSize);
    return new FSDataInputStream(new Counted(in, length));
  }

  /** Tracks a stream until it is closed. */
  private static final class Counted extends FSInputStream {
    private final FSDataInputStream in;
    private final long length;
    private boolean closed;

    Counted(FSDataInputStream in, long length) {
      this.in = in;
      this.length = length;
    }

    @Override
    public void seek(long pos) throws IOException {
      in.seek(pos);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
      return false;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        open.decrementAndGet();
        openBytes.addAndGet(-length);
      }
      in.close();
    }
  }
}
