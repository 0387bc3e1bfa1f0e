import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.wordfreq.launcher.aws.LaunchLambdaHandler;
import java.util.List;

/**
 * Run by DeployScriptsIT with nothing but the unpacked Lambda package on the class path, the way the
 * Lambda runtime calls the handler: one SQS record whose body is args[0]. Prints the ids of the
 * batch item failures, one a line.
 */
public class InvokeLaunchHandler {
  public static void main(String[] args) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("m-1");
    message.setReceiptHandle("r-1");
    message.setBody(args[0]);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    SQSBatchResponse response = new LaunchLambdaHandler().handleRequest(event, null);
    response.getBatchItemFailures().forEach(f -> System.out.println("failure " + f.getItemIdentifier()));
    System.out.println("handled");
  }
}
