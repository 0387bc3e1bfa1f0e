package io.wordfreq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The reference the benchmarks compare against: the word count most Spark users would write first
 * ({@code wholeTextFiles} + {@code reduceByKey} on (file, word) keys, then the top 10 per file),
 * with the same skip and trim rules in plain String code. Prints one line per file.
 *
 * <p>Usage: {@code NaiveWordCount <input dir> [master]}.
 */
public final class NaiveWordCount {
  private NaiveWordCount() {
  }

  public static void main(String[] args) {
    SparkConf conf = new SparkConf().setAppName("naive-wordcount")
        .setMaster(args.length > 1 ? args[1] : "local[*]")
        .set("spark.ui.enabled", "false");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      JavaPairRDD<Tuple2<String, String>, Long> counts = sc.wholeTextFiles(args[0])
          .flatMapToPair(fileAndText -> {
            List<Tuple2<Tuple2<String, String>, Long>> out = new ArrayList<>();
            for (String token : fileAndText._2().split("\\s+")) {
              String w = token.toLowerCase(Locale.ROOT);
              if (w.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 4) {
                continue;
              }
              w = w.replaceAll("^[.,\"'?!]+|[.,\"'?!]+$", "");
              if (!w.isEmpty()) {
                out.add(new Tuple2<>(new Tuple2<>(fileAndText._1(), w), 1L));
              }
            }
            return out.iterator();
          })
          .reduceByKey(Long::sum);
      List<Tuple2<String, List<Tuple2<String, Long>>>> top = counts
          .mapToPair(e -> new Tuple2<>(e._1()._1(), new Tuple2<>(e._1()._2(), e._2())))
          .groupByKey()
          .mapValues(words -> {
            List<Tuple2<String, Long>> all = new ArrayList<>();
            words.forEach(all::add);
            all.sort((a, b) -> a._2().equals(b._2()) ? a._1().compareTo(b._1()) : Long.compare(b._2(), a._2()));
            List<Tuple2<String, Long>> top10 = new ArrayList<>(all.subList(0, Math.min(10, all.size())));
            return top10;
          })
          .collect();
      System.out.println("naive: " + top.size() + " files");
    }
  }
}
