package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.Launcher;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.QueueMessage;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;

/**
 * The Lambda face of the launcher, for the jobs queue's SQS trigger (event source mapping with
 * {@code FunctionResponseTypes: ReportBatchItemFailures}). The mapping does the batching; each
 * invocation's messages go through the same {@link Launcher} core as {@code wordfreq launch}, split
 * into steps by the file and byte bounds. Unreadable messages, messages naming a foreign bucket and
 * messages of a failed submission are returned as batch item failures, so they stay on the queue.
 * Configured by environment variables ({@link LauncherSettings#fromEnvironment}).
 */
public final class LaunchLambdaHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final LauncherParts parts;
  private final Clock clock;

  /** The constructor Lambda calls: settings from the environment, SDK clients from the standard places. */
  public LaunchLambdaHandler() {
    this(LambdaLauncherParts.fromEnvironment());
  }

  public LaunchLambdaHandler(LauncherParts parts) {
    this.parts = parts;
    this.clock = Clock.systemUTC();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    BatchItemFailures outcomes = new BatchItemFailures();
    Launcher launcher = parts.newLauncher(outcomes, clock);
    if (event.getRecords() != null) {
      for (SQSEvent.SQSMessage message : event.getRecords()) {
        launcher.offer(new QueueMessage(message.getMessageId(), message.getReceiptHandle(), message.getBody()));
      }
    }
    launcher.flush();
    return outcomes.response();
  }
}
