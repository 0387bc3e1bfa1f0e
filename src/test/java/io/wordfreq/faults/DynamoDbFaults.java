package io.wordfreq.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * What goes wrong with DynamoDB's BatchWriteItem, injected by a {@link FaultProxy} in front of
 * DynamoDB Local. Moderate faults: of every ten calls, five pass and five fail, one of each kind —
 * {@code ProvisionedThroughputExceededException}, {@code ThrottlingException}, a 500, a dropped
 * connection, and a call of which only the first half of the items is written and the rest returned
 * as {@code UnprocessedItems} (as DynamoDB does under load). A fixed pattern rather than chance, so
 * every kind is sure to occur. Other calls (DescribeTable, GetItem, Scan) pass. {@link #unending()}
 * makes every BatchWriteItem fail.
 */
public final class DynamoDbFaults implements FaultProxy.Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BATCH_WRITE = "DynamoDB_20120810.BatchWriteItem";

  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean unending;

  public DynamoDbFaults() {
  }

  /** Counts of what was injected, by kind. */
  public final AtomicInteger provisioned = new AtomicInteger();
  public final AtomicInteger throttling = new AtomicInteger();
  public final AtomicInteger serverErrors = new AtomicInteger();
  public final AtomicInteger dropped = new AtomicInteger();
  public final AtomicInteger unprocessed = new AtomicInteger();
  public final AtomicInteger passed = new AtomicInteger();

  /** From now on every BatchWriteItem is refused as over the provisioned throughput. */
  public DynamoDbFaults unending() {
    unending = true;
    return this;
  }

  public int injected() {
    return provisioned.get() + throttling.get() + serverErrors.get() + dropped.get() + unprocessed.get();
  }

  @Override
  public void handle(FaultProxy.Exchange ex) throws IOException {
    if (!BATCH_WRITE.equals(ex.request().header("X-Amz-Target"))) {
      ex.pass();
      return;
    }
    if (unending) {
      provisioned.incrementAndGet();
      ex.respond(error(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
          "The level of configured provisioned throughput for the table was exceeded."));
      return;
    }
    int slot = calls.getAndIncrement() % 10;
    if (slot == 1) {
      provisioned.incrementAndGet();
      ex.respond(error(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
          "The level of configured provisioned throughput for the table was exceeded."));
    } else if (slot == 3) {
      throttling.incrementAndGet();
      ex.respond(error(400, "com.amazon.coral.availability#ThrottlingException", "Rate exceeded"));
    } else if (slot == 5) {
      serverErrors.incrementAndGet();
      ex.respond(error(500, "com.amazon.coral.service#InternalFailure", "Internal server error"));
    } else if (slot == 7) {
      dropped.incrementAndGet();
      ex.drop();
    } else if (slot == 9 && halve(ex)) {
      unprocessed.incrementAndGet();
    } else {
      passed.incrementAndGet();
      ex.pass();
    }
  }

  /**
   * Writes the first half of the call's items and answers the rest as UnprocessedItems, as DynamoDB
   * does under load; false (nothing sent) when the call has a single item.
   */
  private static boolean halve(FaultProxy.Exchange ex) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(ex.request().body());
    ObjectNode items = (ObjectNode) request.get("RequestItems");
    ObjectNode kept = JSON.createObjectNode();
    ObjectNode held = JSON.createObjectNode();
    int total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      ArrayNode writes = (ArrayNode) table.getValue();
      total += writes.size();
      int keep = (writes.size() + 1) / 2;
      ArrayNode k = kept.putArray(table.getKey());
      ArrayNode h = JSON.createArrayNode();
      for (int i = 0; i < writes.size(); i++) {
        (i < keep ? k : h).add(writes.get(i));
      }
      if (!h.isEmpty()) {
        held.set(table.getKey(), h);
      }
    }
    if (total < 2) {
      return false;
    }
    request.set("RequestItems", kept);
    FaultProxy.Response response = ex.forward(ex.request().withBody(JSON.writeValueAsBytes(request)));
    if (response.status() != 200) {
      ex.respond(response);
      return true;
    }
    ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
    answer.set("UnprocessedItems", held);
    byte[] body = JSON.writeValueAsBytes(answer);
    ex.respond(response.withBody(body).withHeader("x-amz-crc32", crc32(body)));
    return true;
  }

  private static FaultProxy.Response error(int status, String type, String message) {
    String body = JSON.createObjectNode().put("__type", type).put("message", message).toString();
    return FaultProxy.Response.of(status, status == 500 ? "Internal Server Error" : "Bad Request",
        "application/x-amz-json-1.0", body).withHeader("x-amz-crc32", crc32(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String crc32(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return Long.toString(crc.getValue());
  }
}
