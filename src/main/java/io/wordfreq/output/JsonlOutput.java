package io.wordfreq.output;

import io.wordfreq.record.FileResult;
import io.wordfreq.record.RecordJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code --output jsonl:PATH}: one JSON object a line per file ({@link RecordJson}), sorted by
 * filename, written by the driver through Hadoop's FileSystem (so {@code s3a:} and {@code hdfs:}
 * paths work). Results are small, so they are collected to the driver; the file is replaced.
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
    List<FileResult> rows = results.collect().stream()
        .sorted(Comparator.comparing(FileResult::filename))
        .toList();
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(results.context().hadoopConfiguration());
      try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8))) {
        for (FileResult r : rows) {
          w.write(RecordJson.toJson(r));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new OutputFailedException("jsonl", "cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
