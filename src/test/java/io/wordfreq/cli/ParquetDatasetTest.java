package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.output.ParquetOutput;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RecordJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wordfreq count --output jsonl:…,parquet:…}: the Parquet dataset, read back through Spark SQL,
 * holds the same records as the {@code jsonl:} file, partitioned by run date, with {@code TopWords} as
 * an array of structs; a second run adds its own rows beside the first's.
 */
class ParquetDatasetTest {

  @Test
  void parquetReadsBackAsTheJsonlRecordsOneRowPerFileAndRun(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < 12; i++) {
      Files.writeString(in.resolve("f" + i + ".txt"), "apples ".repeat(i + 1) + "Wörter, wörter " + "pears ".repeat(i % 4)
          + "file" + i + "\n");
    }
    Files.write(in.resolve("broken.txt"), new byte[] {(byte) 0xE2, (byte) 0x82, 'A', ' ', 'x', 'y', 'z', 'z', 'y'});
    Path out = dir.resolve("out.jsonl");
    String dataset = dir.resolve("dataset").toUri().toString();
    for (String runId : List.of("run-one", "run-two")) {
      CountRun run = CountRun.run(Map.of(), List.of("count", "--master", "local[2]", "--input", in.toString(),
          "--output", "jsonl:" + out + ",parquet:" + dataset, "--run-id", runId));
      assertEquals(0, run.exit(), run.printed());
    }
    List<FileResult> fromJsonl = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
        .map(RecordJson::fromJson).sorted(Comparator.comparing(FileResult::filename)).toList();
    assertEquals(13, fromJsonl.size());
    assertEquals("run-two", fromJsonl.get(0).runId());

    try (Stream<Path> dates = Files.list(dir.resolve("dataset"))) {
      List<String> partitions = dates.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_") && !n.startsWith(".")).toList();
      assertTrue(!partitions.isEmpty() && partitions.stream().allMatch(n -> n.matches("RunDate=\\d{4}-\\d{2}-\\d{2}")),
          partitions.toString());
    }
    SparkSession spark = SparkSession.builder().master("local[1]").appName("ParquetDatasetTest")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      List<Row> rows = spark.read().parquet(dataset).collectAsList();
      assertEquals(26, rows.size(), "one row per file and run");
      assertEquals("array<struct<Word:string,Count:bigint>>",
          spark.read().parquet(dataset).schema().apply("TopWords").dataType().simpleString());
      List<FileResult> secondRun = rows.stream().map(ParquetOutput::record).filter(r -> r.runId().equals("run-two"))
          .sorted(Comparator.comparing(FileResult::filename)).toList();
      assertEquals(fromJsonl, secondRun);
      assertEquals(13, rows.stream().map(ParquetOutput::record).filter(r -> r.runId().equals("run-one")).count());
      // Spark SQL over the dataset as an analyst would query it.
      long apples = spark.read().parquet(dataset).where("RunId = 'run-two'")
          .selectExpr("explode(TopWords) AS w").where("w.Word = 'apples'").selectExpr("sum(w.Count)").first().getLong(0);
      assertEquals(78, apples);
    } finally {
      spark.stop();
    }
  }
}
