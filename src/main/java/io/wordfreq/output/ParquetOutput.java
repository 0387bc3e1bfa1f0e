package io.wordfreq.output;

import io.wordfreq.counting.WordCount;
import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.record.FileResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * {@code --output parquet:URI}: the batch as a dataset, written with Spark SQL — one row per file and
 * run, with the record's fields as {@code jsonl:} names them ({@code TopWords} an array of
 * {@code {Word, Count}} structs, {@code Words} a map), appended under {@code URI} in Hive-style
 * partitions of the run date ({@code RunDate=yyyy-MM-dd}, the UTC date of the record's
 * {@code ProcessedAt}). Unlike the table, which keeps each file's latest item, the dataset keeps every
 * run, for Athena, Spark SQL or pandas to read as it is. A retried step appends its rows again: the
 * latest {@code ProcessedAt} per {@code Filename} and {@code RunId} is the run's answer.
 */
public final class ParquetOutput implements ResultOutput {
  /** The partition column. */
  public static final String RUN_DATE = "RunDate";
  /** Rows per Parquet file written, about: a run writes one file per this many records in each date. */
  static final long ROWS_PER_FILE = 1_000_000;

  private static final StructType WORD = DataTypes.createStructType(List.of(
      DataTypes.createStructField("Word", DataTypes.StringType, false),
      DataTypes.createStructField("Count", DataTypes.LongType, false)));

  /** The dataset's columns, in the order of DESIGN.md's record, then the partition column. */
  public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
      DataTypes.createStructField("Filename", DataTypes.StringType, false),
      DataTypes.createStructField("Words", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false),
      DataTypes.createStructField("TopWords", DataTypes.createArrayType(WORD, false), false),
      DataTypes.createStructField("TotalWords", DataTypes.LongType, false),
      DataTypes.createStructField("DistinctWords", DataTypes.LongType, false),
      DataTypes.createStructField("Bytes", DataTypes.LongType, false),
      DataTypes.createStructField("Status", DataTypes.StringType, false),
      DataTypes.createStructField("StatusMessage", DataTypes.StringType, false),
      DataTypes.createStructField("RunId", DataTypes.StringType, false),
      DataTypes.createStructField("ProcessedAt", DataTypes.StringType, false),
      DataTypes.createStructField("Rules", DataTypes.StringType, false),
      DataTypes.createStructField(RUN_DATE, DataTypes.StringType, false),
  });

  private final String uri;

  public ParquetOutput(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("parquet output needs a location: parquet:URI");
    }
    this.uri = uri;
  }

  @Override
  public String describe() {
    return "parquet:" + uri;
  }

  @Override
  public void write(JavaRDD<FileResult> results) throws OutputFailedException {
    try {
      // The running context's session: Spark SQL on the job's own executors and Hadoop configuration.
      SparkSession spark = SparkSession.builder().sparkContext(results.context()).getOrCreate();
      long rows = results.count();
      int files = (int) Math.max(1, Math.min(results.getNumPartitions(), (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
      Dataset<Row> frame = spark.createDataFrame(results.map(ParquetOutput::row), SCHEMA).coalesce(files);
      frame.write().mode(SaveMode.Append).partitionBy(RUN_DATE).parquet(uri);
    } catch (RuntimeException e) {
      throw new OutputFailedException("parquet", "cannot write " + uri + ": " + OutputFailedException.firstLine(e.getMessage()), e);
    }
  }

  /** A record as a row of {@link #SCHEMA}. */
  static Row row(FileResult r) {
    Map<String, Long> words = new LinkedHashMap<>();
    List<Row> top = new ArrayList<>();
    for (WordCount wc : r.topWords()) {
      words.put(wc.word(), wc.count());
      top.add(RowFactory.create(wc.word(), wc.count()));
    }
    // Spark SQL's external types for a map and an array are Scala's.
    return RowFactory.create(r.filename(), JavaConverters.mapAsScalaMap(words), JavaConverters.asScalaBuffer(top).toSeq(), r.totalWords(), r.distinctWords(), r.bytes(), r.status(),
        r.statusMessage(), r.runId(), r.processedAt(), r.rules(), runDate(r.processedAt()));
  }

  /** The UTC date of an ISO-8601 UTC time ({@code 2026-12-07T17:44:00.123Z} → {@code 2026-12-07}). */
  static String runDate(String processedAt) {
    return processedAt.length() >= 10 ? processedAt.substring(0, 10) : "unknown";
  }

  /** A dataset row read back (through Spark SQL) as the record {@code jsonl:} reads back ({@code RecordJson#fromJson}). */
  public static FileResult record(Row row) {
    List<WordCount> top = new ArrayList<>();
    for (Row w : row.<Row>getList(row.fieldIndex("TopWords"))) {
      top.add(new WordCount(w.getString(0), w.getLong(1)));
    }
    String filename = row.getString(row.fieldIndex("Filename"));
    return new FileResult(filename, filename, List.copyOf(top), row.getLong(row.fieldIndex("TotalWords")),
        row.getLong(row.fieldIndex("DistinctWords")), row.getLong(row.fieldIndex("Bytes")),
        row.getString(row.fieldIndex("Status")), row.getString(row.fieldIndex("StatusMessage")),
        row.getString(row.fieldIndex("RunId")), row.getString(row.fieldIndex("ProcessedAt")),
        row.getString(row.fieldIndex("Rules")), 0L, 0L);
  }
}
