package io.wordfreq.launcher;

/**
 * Where the launcher tells a person that work needs them: the alerts topic on AWS
 * ({@code launcher.aws.SnsAlerts}), the {@code wordfreq-alerts} queue on the embedded servers
 * ({@code launcher.local.SqsAlerts}).
 */
public interface Alerts {

  /**
   * Publishes one alert.
   *
   * @throws RuntimeException if it could not be published (the caller must not count it as told)
   */
  void publish(Alert alert);

  /** One alert: a short subject (an e-mail's subject line on SNS) and a JSON body. */
  record Alert(String subject, String body) {}
}
