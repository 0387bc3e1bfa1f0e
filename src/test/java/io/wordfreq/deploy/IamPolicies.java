package io.wordfreq.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The policy templates in {@code emr/iam/}, filled the way {@code emr/lib.sh}'s {@code fill} does. */
final class IamPolicies {

  private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z_]+)@");

  private IamPolicies() {}

  /** The template with every {@code @NAME@} replaced; a placeholder without a value is an error. */
  static JsonNode filled(Path template, Map<String, String> values) throws IOException {
    Matcher m = PLACEHOLDER.matcher(Files.readString(template));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new AssertionError(template + ": placeholder " + m.group() + " has no value in emr/lib.sh's fill");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return new ObjectMapper().readTree(out.toString());
  }
}
