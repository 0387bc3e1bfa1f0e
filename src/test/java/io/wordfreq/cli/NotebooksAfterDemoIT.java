package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The notebooks, top to bottom, against DynamoDB Local after {@code wordfreq demo} and a second run
 * (unicode rules, one manifest entry that does not exist): every cell must run, and every cell tagged
 * {@code figure} must have drawn a PNG. Needs Jupyter ({@code .ci/run} installs Debian's
 * {@code jupyter-nbconvert}, {@code python3-nbclient}, {@code python3-ipykernel}, {@code python3-boto3},
 * {@code python3-pandas} and {@code python3-matplotlib}); without it the test fails and says so.
 * An integration test: the demo's step runs {@code bin/wordfreq count} on the packaged jar.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
@Timeout(value = 20, unit = TimeUnit.MINUTES) // the demo, then two notebooks of up to 10 minutes each (execute)
class NotebooksAfterDemoIT {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyNotebookRunsAndDrawsItsFigures(LocalServers servers, LocalEndpoints aws, @TempDir Path out)
      throws Exception {
    assertEquals(0, WordFreqCli.commandLine().execute("demo", "--dir", servers.config().dir().toString()),
        "the demo (on this test's servers)");
    String manifest = "_wordfreq/manifests/notebooks-test";
    try (S3Client s3 = aws.clients().s3()) {
      String present = s3.listObjectsV2(b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).prefix(DemoCommand.PREFIX))
          .contents().get(0).key();
      s3.putObject(b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key(manifest), RequestBody.fromString(
          "s3://" + LocalEndpoints.PROCESSING_BUCKET + "/" + present + "\n"
              + "s3://" + LocalEndpoints.PROCESSING_BUCKET + "/" + DemoCommand.PREFIX + "never-uploaded.txt\n"));
    }
    Map<String, String> before = LocalJobProperties.apply(LocalJobProperties.of(aws));
    try {
      assertEquals(1, WordFreqCli.commandLine().execute("count", "--master", "local[2]", "--manifest",
          "s3a://" + LocalEndpoints.PROCESSING_BUCKET + "/" + manifest, "--rules", "unicode", "--stopwords", "english",
          "--output", "dynamodb", "--table", LocalEndpoints.TABLE), "a run with one failed file");
    } finally {
      LocalJobProperties.restore(before);
    }

    List<Path> notebooks;
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 2, "notebooks: " + notebooks);
    Path figures = out.resolve("figures");
    int figureCells = 0;
    for (Path notebook : notebooks) {
      JsonNode executed = execute(notebook, out, figures, aws);
      for (JsonNode cell : executed.get("cells")) {
        if (!cell.path("cell_type").asText().equals("code")) {
          continue;
        }
        String source = String.join("", JSON.convertValue(cell.get("source"), List.class).stream()
            .map(Object::toString).toList());
        assertTrue(source.startsWith("# "), "each code cell says in one line what it shows: " + source);
        List<String> kinds = new ArrayList<>();
        for (JsonNode output : cell.path("outputs")) {
          assertFalse(output.path("output_type").asText().equals("error"), notebook + ": " + output);
          output.path("data").fieldNames().forEachRemaining(kinds::add);
        }
        boolean figure = cell.path("metadata").path("tags").toString().contains("\"figure\"");
        if (figure) {
          figureCells++;
          assertTrue(kinds.contains("image/png"), notebook + ": no figure drawn by\n" + source);
        }
      }
    }
    try (Stream<Path> s = Files.list(figures)) {
      assertEquals(figureCells, s.filter(p -> p.toString().endsWith(".png")).count(), "one PNG saved per figure");
    }
    assertTrue(figureCells >= 5, "figure cells: " + figureCells);
  }

  /** Runs {@code jupyter nbconvert --execute} on one notebook; returns the executed notebook. */
  private static JsonNode execute(Path notebook, Path out, Path figures, LocalEndpoints aws)
      throws IOException, InterruptedException {
    List<String> command = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=300", "--output-dir", out.toString(), notebook.getFileName().toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(NOTEBOOKS.toFile()).redirectErrorStream(true)
        .redirectOutput(out.resolve(notebook.getFileName() + ".log").toFile());
    pb.environment().putAll(aws.environment());
    pb.environment().put("WORDFREQ_FIGURES", figures.toString());
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    pb.environment().remove("MPLBACKEND"); // the kernel's inline backend puts figures into the notebook
    pb.environment().remove("WORDFREQ_JSONL");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      fail("cannot run jupyter (" + e.getMessage() + "): install Debian's jupyter-nbconvert python3-nbclient "
          + "python3-ipykernel python3-boto3 python3-pandas python3-matplotlib, as .ci/run does");
      throw e;
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(notebook + " did not finish in 10 minutes");
    }
    String log = Files.readString(out.resolve(notebook.getFileName() + ".log"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), notebook + " failed:\n" + log);
    return JSON.readTree(out.resolve(notebook.getFileName()).toFile());
  }
}
