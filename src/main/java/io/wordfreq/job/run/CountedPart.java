package io.wordfreq.job.run;

import io.wordfreq.record.FileResult;
import java.io.Serializable;

/**
 * One element of what the counting tasks yield: a file's record, or, after a task's last record, one
 * {@link WordShard} of the full counts of the task's files. Both come out of one pass over the files,
 * so the batch's word counts cost no second read; {@link CountedBatch} tells them apart.
 *
 * @param record the record of one file, or null
 * @param words  one shard of the task's word counts, or null
 */
public record CountedPart(FileResult record, WordShard words) implements Serializable {
  public CountedPart {
    if ((record == null) == (words == null)) {
      throw new IllegalArgumentException("a counted part is a record or a shard of words");
    }
  }

  static CountedPart of(FileResult record) {
    return new CountedPart(record, null);
  }

  static CountedPart of(WordShard words) {
    return new CountedPart(null, words);
  }
}
