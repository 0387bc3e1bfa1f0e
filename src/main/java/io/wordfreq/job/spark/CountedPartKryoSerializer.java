package io.wordfreq.job.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.wordfreq.job.run.CountedPart;
import io.wordfreq.job.run.WordShard;
import io.wordfreq.record.FileResult;

/**
 * Writes a {@link CountedPart} for Kryo as which of the two it holds, then that, through the
 * serializers registered for {@link FileResult} and {@link WordShard} (Kryo's field serializer cannot
 * rebuild a record).
 */
final class CountedPartKryoSerializer extends Serializer<CountedPart> {
  CountedPartKryoSerializer() {
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output out, CountedPart part) {
    out.writeBoolean(part.record() != null);
    if (part.record() != null) {
      kryo.writeObject(out, part.record());
    } else {
      kryo.writeObject(out, part.words());
    }
  }

  @Override
  public CountedPart read(Kryo kryo, Input in, Class<CountedPart> type) {
    return in.readBoolean() ? new CountedPart(kryo.readObject(in, FileResult.class), null)
        : new CountedPart(null, kryo.readObject(in, WordShard.class));
  }
}
