package io.wordfreq.job.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link FileResult} field by field for Kryo. Kryo's field serializer cannot rebuild a
 * record, and Java serialization (one {@code ObjectOutputStream} per record) cost more than the
 * counting on a batch of small files: records are cached serialized, then sent to the driver.
 */
final class FileResultKryoSerializer extends Serializer<FileResult> {
  FileResultKryoSerializer() {
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output out, FileResult r) {
    out.writeString(r.filename());
    out.writeString(r.sourceUri());
    List<WordCount> top = r.topWords();
    out.writeVarInt(top == null ? -1 : top.size(), false);
    if (top != null) {
      for (WordCount w : top) {
        out.writeString(w.word());
        out.writeVarLong(w.count(), true);
      }
    }
    out.writeVarLong(r.totalWords(), true);
    out.writeVarLong(r.distinctWords(), true);
    out.writeVarLong(r.bytes(), true);
    out.writeString(r.status());
    out.writeString(r.statusMessage());
    out.writeString(r.runId());
    out.writeString(r.processedAt());
    out.writeString(r.rules());
    out.writeLong(r.startedAtMillis());
    out.writeLong(r.durationNanos());
    out.writeString(r.eTag());
    out.writeString(r.versionId());
  }

  @Override
  public FileResult read(Kryo kryo, Input in, Class<FileResult> type) {
    String filename = in.readString();
    String sourceUri = in.readString();
    int n = in.readVarInt(false);
    List<WordCount> top = null;
    if (n >= 0) {
      List<WordCount> words = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        words.add(new WordCount(in.readString(), in.readVarLong(true)));
      }
      top = List.copyOf(words);
    }
    return new FileResult(filename, sourceUri, top, in.readVarLong(true), in.readVarLong(true),
        in.readVarLong(true), in.readString(), in.readString(), in.readString(), in.readString(),
        in.readString(), in.readLong(), in.readLong(), in.readString(), in.readString());
  }
}
