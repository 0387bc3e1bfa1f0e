package io.wordfreq.output;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.dynamodb.DynamoDBClient;
import org.apache.hadoop.dynamodb.DynamoDBItemWritable;
import org.apache.hadoop.dynamodb.write.AbstractDynamoDBRecordWriter;
import org.apache.hadoop.dynamodb.write.DefaultDynamoDBRecordWriter;
import org.apache.hadoop.dynamodb.write.DynamoDBOutputFormat;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.util.Progressable;

/**
 * emr-dynamodb-connector's {@link DynamoDBOutputFormat} with its handling of {@code UnprocessedItems}
 * mended. When BatchWriteItem leaves items unprocessed (DynamoDB does that under load), connector
 * 5.0.0 puts the SDK v2 response's list of them back into its write buffer as is; that list is
 * unmodifiable, so adding the next item fails the task with an {@code UnsupportedOperationException}
 * (found by {@code DynamoDbFaultsTest}). This writer gives the connector's client a buffer that
 * copies every list put into it. Where the connector's internals differ (another version), it
 * leaves them alone.
 */
public final class RetryingDynamoDbOutputFormat extends DynamoDBOutputFormat {

  @Override
  public RecordWriter<Text, DynamoDBItemWritable> getRecordWriter(FileSystem ignored, JobConf job, String name,
      Progressable progress) throws IOException {
    DefaultDynamoDBRecordWriter writer = new DefaultDynamoDBRecordWriter(job, progress);
    mendWriteBuffer(writer);
    return writer;
  }

  /** A write buffer whose lists can always be added to. */
  static final class CopyingBuffer<V> extends HashMap<String, List<V>> {
    private static final long serialVersionUID = 1L;

    CopyingBuffer(Map<String, List<V>> initial) {
      initial.forEach(this::put);
    }

    @Override
    public List<V> put(String table, List<V> requests) {
      return super.put(table, requests instanceof ArrayList<V> ? requests : new ArrayList<>(requests));
    }
  }

  private static void mendWriteBuffer(AbstractDynamoDBRecordWriter<?, ?> writer) {
    try {
      Field clientField = AbstractDynamoDBRecordWriter.class.getDeclaredField("client");
      clientField.setAccessible(true);
      Object client = clientField.get(writer);
      Field bufferField = DynamoDBClient.class.getDeclaredField("writeBatchMap");
      bufferField.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<String, List<Object>> buffer = (Map<String, List<Object>>) bufferField.get(client);
      if (!(buffer instanceof CopyingBuffer<?>)) {
        bufferField.set(client, new CopyingBuffer<>(buffer));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not the connector this was written against: use it as it is.
    }
  }
}
