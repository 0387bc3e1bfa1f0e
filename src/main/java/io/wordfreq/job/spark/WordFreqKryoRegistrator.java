package io.wordfreq.job.spark;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkUnit;
import io.wordfreq.job.read.PartialCount;
import io.wordfreq.job.run.CountTotals;
import io.wordfreq.job.run.CountedPart;
import io.wordfreq.job.run.ShardSum;
import io.wordfreq.job.run.WordShard;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.ExternalizableSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the job's shuffled and collected types with Kryo: partial counts and the batch's word
 * shards through their compact {@code Externalizable} form; records, which are cached and sent to the
 * driver, field by field ({@link FileResultKryoSerializer}), and so the cached parts that hold them
 * ({@link CountedPartKryoSerializer}); the rest (few and small) through Java serialization.
 */
public final class WordFreqKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(PartialCount.class, new ExternalizableSerializer());
    kryo.register(FileResult.class, new FileResultKryoSerializer());
    kryo.register(WordShard.class, new ExternalizableSerializer());
    kryo.register(ShardSum.class, new ExternalizableSerializer());
    kryo.register(CountedPart.class, new CountedPartKryoSerializer());
    kryo.register(WordCount.class, new JavaSerializer());
    kryo.register(WorkUnit.class, new JavaSerializer());
    kryo.register(FileSlice.class, new JavaSerializer());
    kryo.register(InputFile.class, new JavaSerializer()); // a split file's key in the shuffle
    kryo.register(CountTotals.class, new JavaSerializer());
  }
}
