package io.wordfreq.aws;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which endpoints AWS clients may be pointed at: TLS ({@code https://}) anywhere, plain
 * {@code http://} only on loopback (the embedded servers, a local proxy) unless the user allows it
 * with {@value #ALLOW_HTTP_VARIABLE}{@code =true} — so a typo'd or copied endpoint cannot send
 * signed requests and results in clear text across a network.
 */
public final class EndpointPolicy {
  /** Environment variable that allows plain-http endpoints off loopback. */
  public static final String ALLOW_HTTP_VARIABLE = "WORDFREQ_ALLOW_HTTP_ENDPOINTS";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private EndpointPolicy() {
  }

  /** Whether {@code env} allows plain-http endpoints off loopback. */
  public static boolean allowsPlainHttp(Map<String, String> env) {
    return "true".equalsIgnoreCase(String.valueOf(env.get(ALLOW_HTTP_VARIABLE)).strip());
  }

  /**
   * {@code endpoint}, if it may be used for {@code service}.
   *
   * @throws IllegalArgumentException for a scheme other than http/https, or plain http off loopback
   *     when not allowed
   */
  public static URI check(URI endpoint, String service, boolean allowPlainHttp) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return endpoint;
    }
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException(service + " endpoint " + endpoint + " is not an http(s) URL");
    }
    if (!allowPlainHttp && !isLoopback(endpoint)) {
      throw new IllegalArgumentException("plain-http " + service + " endpoint " + endpoint
          + " refused: http:// is for loopback only (embedded servers); use https://, or set "
          + ALLOW_HTTP_VARIABLE + "=true to allow it");
    }
    return endpoint;
  }

  /**
   * Whether the URL's host is a loopback address: {@code localhost} or a loopback IP literal. Other
   * host names are not resolved (what they resolve to can change), so they do not count.
   */
  public static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(host).matches() && !host.startsWith("[")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
