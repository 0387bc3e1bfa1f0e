package io.wordfreq.job.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists every file under a folder or object-store prefix with several listings in flight. An S3
 * listing returns at most 1,000 keys a request, one page after the other, so one flat listing of a
 * large prefix takes (keys ÷ 1,000) round trips in a row. S3 lists different prefixes independently:
 * this lists the first levels with the delimiter '/' ({@code listStatusIterator}: the files there
 * and the common prefixes), down to {@link #MAX_LEVELS} levels while there are fewer common prefixes
 * than threads, then lists each common prefix in one flat recursive listing ({@code listFiles}) on
 * a pool of threads. A prefix with no common prefixes costs what one flat listing costs; each level
 * listed with the delimiter adds a request per common prefix.
 *
 * <p>With one thread it is the single flat listing.
 */
final class PrefixLister {
  /** Levels listed with the delimiter at most, looking for enough common prefixes to share out. */
  static final int MAX_LEVELS = 3;

  private final int threads;

  /** @param threads listings in flight at most; 1 lists the prefix in one flat listing */
  PrefixLister(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("listing threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /**
   * What {@code take} makes of each file under {@code root} (null: skipped), in no particular order.
   *
   * @throws IOException if a listing fails
   */
  <T> List<T> list(FileSystem fs, Path root, Function<FileStatus, T> take) throws IOException {
    List<T> out = new ArrayList<>();
    if (threads == 1) {
      listFlat(fs, root, take, out);
      return out;
    }
    AtomicInteger named = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "wordfreq-list-" + named.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Path> prefixes = List.of(root);
      for (int level = 0; level < MAX_LEVELS && !prefixes.isEmpty() && (level == 0 || prefixes.size() < threads);
          level++) {
        List<Future<Level<T>>> levels = new ArrayList<>();
        for (Path p : prefixes) {
          levels.add(pool.submit(() -> listLevel(fs, p, take)));
        }
        List<Path> next = new ArrayList<>();
        for (Future<Level<T>> f : levels) {
          Level<T> l = await(f);
          out.addAll(l.files());
          next.addAll(l.prefixes());
        }
        prefixes = next;
      }
      List<Future<List<T>>> flat = new ArrayList<>();
      for (Path p : prefixes) {
        flat.add(pool.submit(() -> {
          List<T> files = new ArrayList<>();
          listFlat(fs, p, take, files);
          return files;
        }));
      }
      for (Future<List<T>> f : flat) {
        out.addAll(await(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The files directly under a prefix and its common prefixes: one listing with the delimiter. */
  private record Level<T>(List<T> files, List<Path> prefixes) {
  }

  private static <T> Level<T> listLevel(FileSystem fs, Path prefix, Function<FileStatus, T> take) throws IOException {
    List<T> files = new ArrayList<>();
    List<Path> prefixes = new ArrayList<>();
    try {
      RemoteIterator<FileStatus> it = fs.listStatusIterator(prefix);
      while (it.hasNext()) {
        FileStatus st = it.next();
        if (st.isDirectory()) {
          prefixes.add(st.getPath());
        } else {
          add(take, st, files);
        }
      }
    } catch (FileNotFoundException e) {
      // A common prefix whose keys went between the two listings: nothing to list.
    }
    return new Level<>(files, prefixes);
  }

  /** One flat recursive listing of the prefix (on S3, pages of 1,000 keys one after the other). */
  private static <T> void listFlat(FileSystem fs, Path prefix, Function<FileStatus, T> take, List<T> out)
      throws IOException {
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(prefix, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        if (st.isFile()) {
          add(take, st, out);
        }
      }
    } catch (FileNotFoundException e) {
      // As in listLevel: gone since the level above was listed.
    }
  }

  private static <T> void add(Function<FileStatus, T> take, FileStatus st, List<T> out) {
    T t = take.apply(st);
    if (t != null) {
      out.add(t);
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while listing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("listing failed: " + cause, cause);
    }
  }
}
