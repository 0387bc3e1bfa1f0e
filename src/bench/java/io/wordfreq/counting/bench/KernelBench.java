package io.wordfreq.counting.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link KernelBenchmark} and prints MB/s per rule set and workload (one thread by default, so MB/s per core; with
 * {@code --threads N}, N threads each counting the text, MB/s of all together): by wall time, as JMH
 * measures it, and per CPU-second of the counting threads, which stays meaningful when other processes
 * share the cores. Arguments: {@code [CORPUS_DIR] [--quick] [--threads N] [--workloads a,b,...]
 * [--rules classic,unicode]}. A
 * benchmark, not a test: it never fails on time.
 */
public final class KernelBench {
  private KernelBench() {
  }

  public static void main(String[] args) throws RunnerException {
    String corpus = "";
    boolean quick = false;
    int threads = 1;
    String workloads = "text,email,dictionary,unique,hugetoken,invalid";
    String rules = "classic,unicode";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--workloads" -> workloads = args[++i];
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rules" -> rules = args[++i];
        case "-h", "--help" -> {
          System.out.println(
              "usage: bench/kernel [CORPUS_DIR] [--quick] [--threads N]"
                  + " [--workloads text,email,dictionary,unique,hugetoken,invalid] [--rules classic,unicode]");
          return;
        }
        default -> corpus = args[i];
      }
    }
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(KernelBenchmark.class.getName())
        .param("corpus", corpus)
        .param("workload", workloads.split(","))
        .param("rules", rules.split(","))
        .threads(threads)
        .verbosity(VerboseMode.SILENT);
    if (quick) {
      options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }
    System.out.println("counting kernel (the rules' tokenizer + WordCounts + top 10), " + threads
        + (threads == 1 ? " thread" : " threads, each counting its own copy; MB/s of all together") + "; text = "
        + (corpus.isBlank() ? "generated English-like, 16 MB" : corpus)
        + "; email, dictionary = generated, 16 MB each (io.wordfreq.bench.GeneratedTexts)");
    Collection<RunResult> results = new Runner(options.build()).run();
    List<String> lines = new ArrayList<>();
    for (RunResult r : results) {
      Result<?> bytes = r.getSecondaryResults().get("bytes");
      double mbs = bytes.getScore() / 1e6;
      double err = Double.isNaN(bytes.getScoreError()) ? 0 : bytes.getScoreError() / 1e6;
      double cpuMbs = r.getSecondaryResults().get("cpuBytes").getScore() / 1e6
          / (r.getSecondaryResults().get("cpuNanos").getScore() / 1e9);
      lines.add(String.format("%-8s %-10s %9.1f MB/s wall (± %.1f, 99.9%% CI, %d iterations)   %9.1f MB per CPU-second",
          r.getParams().getParam("rules"), r.getParams().getParam("workload"), mbs, err, bytes.getSampleCount(), cpuMbs));
    }
    lines.forEach(System.out::println);
  }
}
