package io.wordfreq.counting.bench;

import io.wordfreq.counting.ClassicTokenizer;
import io.wordfreq.counting.UnicodeRules;
import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The counting kernel alone — {@link ClassicTokenizer} into a fresh {@link WordCounts}, then the top 10 —
 * over a text in memory, fed in 64 KB pieces as {@code RangeCounter} feeds it; or, for {@code rules =
 * unicode}, the {@code unicode} rules over the same bytes as a range of a file (UTF-8 decoding, Lucene's
 * StandardTokenizer, lower case, the filters; minimum length 3, no stop words). One operation is one whole
 * text; the {@code bytes} counter turns operations into bytes per second, and {@link CpuTime} gives bytes
 * per CPU-second of the counting thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class KernelBenchmark {
  private static final int PIECE = 64 * 1024;

  /**
   * {@code text} is English (or the corpus folder's), {@code email} and {@code dictionary} generated text with a
   * large vocabulary; the others are adversarial (see {@link BenchTexts}).
   */
  @Param({"text", "email", "dictionary", "unique", "hugetoken", "invalid"})
  public String workload;

  /** A folder of {@code *.txt} files for the {@code text} workload; empty = generated English-like text. */
  @Param({""})
  public String corpus;

  /** {@code classic} or {@code unicode}. */
  @Param({"classic", "unicode"})
  public String rules;

  private final UnicodeRules unicode = UnicodeRules.defaults();

  private byte[] data;

  /** Bytes counted, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void load() {
    data = BenchTexts.workload(workload, corpus);
  }

  /**
   * Bytes and the counting thread's CPU time, summed: their ratio is MB per CPU-second, which a busy shared
   * machine distorts far less than wall time.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    public long cpuBytes;
    public long cpuNanos;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Benchmark
  public List<WordCount> count(Bytes counter, CpuTime cpu) throws IOException {
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    WordCounts counts = new WordCounts();
    if (rules.equals("unicode")) {
      unicode.countRange(p -> new ByteArrayInputStream(data), 0, data.length, data.length, counts);
    } else {
      ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
      for (int off = 0; off < data.length; off += PIECE) {
        tokenizer.feed(data, off, Math.min(PIECE, data.length - off));
      }
      tokenizer.finish();
    }
    List<WordCount> top = counts.top(10);
    counter.bytes += data.length;
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
    cpu.cpuBytes += data.length;
    return top;
  }
}
