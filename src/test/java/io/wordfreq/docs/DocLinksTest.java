package io.wordfreq.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the user-facing Markdown (README.md, docs/, bench/, bootstrap/) leads
 * somewhere: the file or folder exists, and a {@code #anchor} names a heading of the target page as
 * GitHub renders it (lower case, punctuation dropped, spaces as hyphens, {@code -1}, {@code -2} for
 * repeated headings). Links inside code blocks and code spans are not links; {@code http(s):} and
 * other absolute links are not checked (no network in tests).
 */
class DocLinksTest {

  /** The pages whose links are checked: the README and every Markdown file under these folders. */
  private static final List<Path> PAGES_UNDER = List.of(Path.of("README.md"), Path.of("docs"), Path.of("bench"),
      Path.of("bootstrap"));

  /**
   * Pages other work has promised and the README already links to. A link to one is accepted while it
   * is missing; once the page exists its links and anchors are checked like any other's. Remove an
   * entry when its page lands.
   */
  private static final Set<String> PROMISED = Set.of();

  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = pages();
    assertTrue(pages.contains(Path.of("README.md")) && pages.size() > 5, "pages found: " + pages);
    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchorsByPage = new HashMap<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      for (Link link : links(lines)) {
        checked++;
        String problem = problem(page, link.target(), anchorsByPage);
        if (problem != null) {
          broken.add(page + ":" + link.line() + ": (" + link.target() + ") " + problem);
        }
      }
    }
    assertTrue(checked > 50, "only " + checked + " links found: is the link pattern still right?");
    assertEquals("", String.join("\n", broken), broken.size() + " broken link(s)");
  }

  @Test
  void anchorsFollowGitHub() {
    assertEquals("demo", slug("`demo`"));
    assertEquals("what-binwordfreq-does-for-start-up", slug("What `bin/wordfreq` does for start-up"));
    assertEquals("the-emr-step-on-a-local-yarn", slug("The EMR step on a local YARN"));
    assertEquals("executor-loss-what-is-proven", slug("Executor loss: what is proven"));
    assertEquals("names-two-stacks-side-by-side", slug("Names: two stacks side by side"));
    assertEquals("a--b_c", slug("A — b_c"));
    assertEquals("see-the-page", slug("See [the page](x.md)"));
    assertEquals(List.of("x", "x-1", "x-2"), anchors(List.of("# x", "```", "# not a heading", "```", "## x", "### x"))
        .stream().toList());
  }

  @Test
  void linksInCodeAreNotLinks() {
    List<Link> found = links(List.of(
        "see [a](a.md) and `[b](b.md)`",
        "```",
        "[c](c.md)",
        "```",
        "![d](d.png) [e](https://example.com) [f](#g \"title\")"));
    assertEquals(List.of("a.md", "d.png", "https://example.com", "#g"), found.stream().map(Link::target).toList());
  }

  private record Link(int line, String target) {}

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (Path root : PAGES_UNDER) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().forEach(pages::add);
      }
    }
    return pages;
  }

  /** The links of a page, outside fenced code blocks and code spans. */
  private static List<Link> links(List<String> lines) {
    List<Link> links = new ArrayList<>();
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (fence != null) {
        if (trimmed.startsWith(fence)) {
          fence = null;
        }
        continue;
      }
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        fence = trimmed.substring(0, 3);
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (m.find()) {
        links.add(new Link(i + 1, m.group(1)));
      }
    }
    return links;
  }

  /** What is wrong with a link from {@code page}, or null. */
  private static String problem(Path page, String target, Map<Path, Set<String>> anchorsByPage) {
    if (SCHEME.matcher(target).find()) {
      return null; // absolute: not checked here
    }
    int hash = target.indexOf('#');
    String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
    if (resolved.startsWith("..")) {
      return "leads outside the repository";
    }
    if (!Files.exists(resolved)) {
      return PROMISED.contains(resolved.toString().replace('\\', '/')) ? null : resolved + " does not exist";
    }
    if (anchor == null || anchor.isEmpty()) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return "an anchor on a file that is not Markdown";
    }
    Set<String> anchors = anchorsByPage.computeIfAbsent(resolved, p -> {
      try {
        return anchors(Files.readAllLines(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8);
    return anchors.contains(wanted) ? null : "no heading #" + wanted + " in " + resolved;
  }

  /** The anchors GitHub gives a page's headings, in order. */
  static Set<String> anchors(List<String> lines) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (inFence || !m.matches()) {
        continue;
      }
      String slug = slug(m.group(2));
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      anchors.add(n == 0 ? slug : slug + "-" + n);
    }
    return anchors;
  }

  /**
   * GitHub's anchor for a heading (github-slugger over the rendered text): links and code spans
   * rendered to their text, lower case, every character but letters, digits, marks, {@code -},
   * {@code _} and spaces dropped, then each space a hyphen.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").toLowerCase(java.util.Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == ' ') {
        slug.append('-');
      } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        slug.appendCodePoint(c);
      }
    });
    return slug.toString();
  }
}
