package io.wordfreq.launcher;

/** One message as received from the jobs queue, whichever face received it (Lambda event or ReceiveMessage). */
public record QueueMessage(String id, String receiptHandle, String body) {}
