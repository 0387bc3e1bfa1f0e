package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RecordJson;
import io.wordfreq.record.RunSummary;
import io.wordfreq.record.RunSummaryJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code --output jsonl:PATH}: one JSON object a line per file ({@link RecordJson}), sorted by
 * filename, written by the driver through Hadoop's FileSystem (so {@code s3a:} and {@code hdfs:}
 * paths work). The tasks make the lines, which are collected to the driver; the file is replaced.
 *
 * <p>The run's summary goes to a file of its own beside it, {@link #summaryPath}: {@code out.jsonl} →
 * {@code out.run.jsonl}, one line ({@link RunSummaryJson}), so every line of the results file stays a
 * file's record.
 */
public final class JsonlOutput implements ResultOutput {
  private final String path;

  public JsonlOutput(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("jsonl output needs a path: jsonl:PATH");
    }
    this.path = path;
  }

  @Override
  public String describe() {
    return "jsonl:" + path;
  }

  @Override
  public void write(JavaRDD<FileResult> results) throws OutputFailedException {
    // The lines are made by the tasks: the driver holds each file's name and line, not its record
    // (a quarter of the heap for a batch of a million files).
    List<Tuple2<String, String>> lines = new ArrayList<>(
        results.map(r -> new Tuple2<>(r.filename(), RecordJson.toJson(r))).collect());
    lines.sort(Comparator.comparing(Tuple2::_1));
    writeLines(path, () -> lines.stream().map(Tuple2::_2).iterator(), results.context().hadoopConfiguration());
  }

  @Override
  public void writeSummary(RunSummary summary, Configuration conf) throws OutputFailedException {
    writeLines(summaryPath(path), List.of(RunSummaryJson.toJson(summary)), conf);
  }

  /** Where the summary of a run written to {@code jsonl:path} goes: {@code x.jsonl} → {@code x.run.jsonl}. */
  public static String summaryPath(String path) {
    return (path.endsWith(".jsonl") ? path.substring(0, path.length() - ".jsonl".length()) : path) + ".run.jsonl";
  }

  private static void writeLines(String path, Iterable<String> lines, Configuration conf) throws OutputFailedException {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8))) {
        for (String line : lines) {
          w.write(line);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new OutputFailedException("jsonl", "cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
