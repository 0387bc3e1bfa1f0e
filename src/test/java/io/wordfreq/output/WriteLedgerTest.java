package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.record.FileResult;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/** The results queue vouches only for written results: it sends nothing after an output failed. */
class WriteLedgerTest {

  @Test
  void queueGoesLastAndRefusesToSendAfterAFailedOutput() {
    List<ResultOutput> outs = OutputFactory.create(List.of("dynamodb"),
        new OutputSettings("wordfreq", "http://127.0.0.1:1/000000000000/wordfreq-results"));
    assertEquals(List.of("dynamodb:wordfreq", "sqs:http://127.0.0.1:1/000000000000/wordfreq-results"),
        outs.stream().map(ResultOutput::describe).toList());

    WriteLedger ledger = new WriteLedger();
    ResultOutput failing = ledger.track(new ResultOutput() {
      @Override
      public String describe() {
        return "dynamodb:wordfreq";
      }

      @Override
      public void write(JavaRDD<FileResult> results) throws OutputFailedException {
        throw new OutputFailedException("DynamoDB", "down", null);
      }
    });
    assertThrows(OutputFailedException.class, () -> failing.write(null));
    assertEquals(List.of("dynamodb:wordfreq"), ledger.failed());
    // The RDD is never touched: the queue output gives up before reading any result.
    OutputFailedException e = assertThrows(OutputFailedException.class,
        () -> new ResultsQueueOutput("http://q/results", ledger).write(null));
    assertEquals("SQS", e.service());
    assertTrue(e.getMessage().contains("nothing sent to queue http://q/results"), e.getMessage());
    assertTrue(e.getMessage().contains("dynamodb:wordfreq failed"), e.getMessage());
  }
}
