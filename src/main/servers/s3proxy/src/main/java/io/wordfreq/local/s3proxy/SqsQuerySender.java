package io.wordfreq.local.s3proxy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a message to one queue of the local SQS server with the SQS query API ({@code Action=SendMessage},
 * unsigned), over the JDK's HTTP client: this JVM carries no SQS client. Retries a few times so that a
 * busy or just-starting SQS server does not lose the event.
 */
final class SqsQuerySender {
  private static final int ATTEMPTS = 5;

  private final URI queueUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  SqsQuerySender(URI queueUrl) {
    this.queueUrl = queueUrl;
  }

  void send(String body) throws IOException, InterruptedException {
    String form =
        "Action=SendMessage&Version=2012-11-05&MessageBody="
            + URLEncoder.encode(body, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(queueUrl)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = new IOException("SQS answered " + response.statusCode() + ": " + response.body());
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(200L * attempt);
    }
    throw last;
  }
}
