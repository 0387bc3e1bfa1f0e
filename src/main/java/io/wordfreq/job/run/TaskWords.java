package io.wordfreq.job.run;

import io.wordfreq.counting.WordCounts;
import io.wordfreq.job.read.PartialCount;
import io.wordfreq.record.FileResult;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One counting task's share of the batch's word counts: the full counts of every file the task makes a
 * record of, added straight into the shard each word belongs to as each record is made, then written
 * as {@link WordShard}s that follow the task's last record out of the task. Records are made on the
 * task's thread only (not thread-safe).
 */
final class TaskWords {
  /** The task's summed counts, a table per shard (none: no counts kept); null once written as shards. */
  private WordCounts[] sums;

  /** @param shards how many shards the batch's counts are summed in; 0 keeps no counts */
  TaskWords(int shards) {
    this.sums = new WordCounts[shards];
    for (int i = 0; i < shards; i++) {
      sums[i] = new WordCounts();
    }
  }

  /** Adds a file's full counts, if it was counted; returns it, for use where its record is made. */
  PartialCount add(PartialCount count) {
    if (sums.length > 0 && !count.failed()) {
      count.counts().splitInto(sums);
    }
    return count;
  }

  /** The task's records as they are made, then the shards of the counts added meanwhile (empty ones left out). */
  Iterator<CountedPart> after(Iterator<FileResult> records) {
    return new Iterator<>() {
      private WordCounts[] parts;
      private int nextPart;

      @Override
      public boolean hasNext() {
        if (records.hasNext()) {
          return true;
        }
        if (parts == null) {
          parts = sums;
          sums = null; // the shards hold the words now
        }
        while (nextPart < parts.length && parts[nextPart].distinctWords() == 0) {
          nextPart++;
        }
        return nextPart < parts.length;
      }

      @Override
      public CountedPart next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (parts == null) {
          return CountedPart.of(records.next());
        }
        int i = nextPart++;
        WordShard shard = WordShard.of(i, parts[i]);
        parts[i] = null;
        return CountedPart.of(shard);
      }
    };
  }
}
