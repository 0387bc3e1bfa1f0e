package io.wordfreq.job.run;

import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The batch's exact top N words, summed by Spark across the executors: the shards of one number from
 * every counting task go to one reduce task ({@code combineByKey} on the shard number), which sums
 * them and sends its top N to the driver; the driver keeps the top N of those. Exact, with the same
 * order as one table's {@link WordCounts#top} (count descending, then UTF-8 bytes ascending): all of a
 * word's counts meet in its shard's task, and each of the batch's top N is among its own shard's top N.
 * The driver receives at most shards × N words, whatever the vocabulary.
 */
final class BatchTopWords {
  private BatchTopWords() {
  }

  /**
   * The reduce runs as many tasks as {@code parts} has partitions, at most {@code shards}: a task may
   * sum several shard numbers.
   */
  static List<WordCount> top(JavaRDD<CountedPart> parts, int shards, int n) {
    if (shards < 1) {
      throw new IllegalStateException("the batch's words were not kept (no shards)");
    }
    List<WordCount> candidates = parts
        .filter(p -> p.words() != null)
        .mapToPair(p -> new Tuple2<>(p.words().shard(), p.words()))
        // No combining on the map side: a task yields one shard of each number. The reduce side reads
        // the first shard of a number into a table and merges the others' bytes straight into it.
        .combineByKey(ShardSum::of, ShardSum::add, ShardSum::merge, new HashPartitioner(Math.max(1, Math.min(shards, parts.getNumPartitions()))), false, null)
        .values()
        .flatMap(s -> s.counts().top(n).iterator())
        .collect();
    WordCounts best = new WordCounts();
    for (WordCount w : candidates) {
      byte[] word = w.word().getBytes(StandardCharsets.UTF_8);
      best.add(word, 0, word.length, w.count());
    }
    return best.top(n);
  }
}
