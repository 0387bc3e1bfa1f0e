package io.wordfreq.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * A CloudFormation template of {@code emr/} read for the tests: its resources as JSON trees (the
 * template uses the long form of intrinsic functions, {@code Fn::Sub:}, so plain YAML reads it).
 */
record Template(Path file, JsonNode root) {

  static final Path MAIN = Path.of("emr/wordfreq.yaml");
  static final Path ARTIFACTS = Path.of("emr/artifacts.yaml");

  static Template read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      Object tree = new Yaml(new LoaderOptions()).load(in);
      return new Template(file, new ObjectMapper().valueToTree(tree));
    }
  }

  /** Both templates deploy.sh deploys. */
  static List<Template> all() throws IOException {
    return List.of(read(MAIN), read(ARTIFACTS));
  }

  /** Whether the YAML uses an alias ({@code *name}): CloudFormation refuses such a template. */
  boolean usesAliases() throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      for (Iterator<Event> events = new Yaml().parse(in).iterator(); events.hasNext(); ) {
        if (events.next() instanceof AliasEvent) {
          return true;
        }
      }
      return false;
    }
  }

  /** Logical id to resource, in template order. */
  Map<String, JsonNode> resources() {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    root.path("Resources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The resources of one type. */
  Map<String, JsonNode> ofType(String type) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    resources().forEach((id, r) -> {
      if (type.equals(r.path("Type").asText())) {
        out.put(id, r);
      }
    });
    return out;
  }

  JsonNode properties(String logicalId) {
    return root.path("Resources").path(logicalId).path("Properties");
  }

  /** The reason the template gives for excepting {@code key} on a resource, or null. */
  String exception(String logicalId, String key) {
    JsonNode reason = root.path("Resources").path(logicalId).path("Metadata").path("WordfreqExceptions").path(key);
    return reason.isTextual() && !reason.asText().isBlank() ? reason.asText() : null;
  }

  /** Every exception the template declares, as "logicalId/key". */
  List<String> declaredExceptions() {
    List<String> out = new ArrayList<>();
    resources().forEach((id, r) -> r.path("Metadata").path("WordfreqExceptions").fieldNames()
        .forEachRemaining(key -> out.add(id + "/" + key)));
    return out;
  }

  /** Whether {@code node} is a Ref or Fn::GetAtt of a resource (not a parameter) of this template. */
  boolean refersToResource(JsonNode node) {
    String target = node.has("Ref") ? node.path("Ref").asText()
        : node.has("Fn::GetAtt") ? node.path("Fn::GetAtt").path(0).asText() : null;
    return target != null && root.path("Resources").has(target);
  }

  static ObjectNode object() {
    return new ObjectMapper().createObjectNode();
  }

  /** A string or a list of strings (or intrinsic functions) as a list. */
  static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node);
    }
    return out;
  }
}
