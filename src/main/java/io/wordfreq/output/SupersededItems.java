package io.wordfreq.output;

import io.wordfreq.record.FileResult;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes {@code superseded} records into the results table with a condition: a superseded record
 * never replaces a {@code success} item counted from another version. Steps run side by side and their
 * writes land in no order, so the step of an older event may find the object changed after the step of
 * the newer event already wrote its counts; those counts must stay. The item is written when the table
 * has none for the file, when the item is not a success, or when it holds the counts of the very
 * version that was superseded (they are stale, and the item now says so).
 */
final class SupersededItems {
  private SupersededItems() {
  }

  /**
   * Writes each record with one conditional PutItem; returns how many were kept out because a success
   * of another version was there.
   */
  static int write(DynamoDbClient dynamo, String table, List<FileResult> superseded) throws SdkException {
    int kept = 0;
    for (FileResult r : superseded) {
      try {
        dynamo.putItem(b -> b.tableName(table).item(DynamoDbItems.toItem(r))
            .conditionExpression("attribute_not_exists(#f) OR #s <> :success OR #e = :etag")
            .expressionAttributeNames(Map.of("#f", DynamoDbItems.FILENAME, "#s", "Status", "#e", "ETag"))
            .expressionAttributeValues(Map.of(":success", AttributeValue.fromS(FileResult.SUCCESS),
                ":etag", AttributeValue.fromS(r.eTag()))));
      } catch (ConditionalCheckFailedException e) {
        kept++;
      }
    }
    return kept;
  }
}
