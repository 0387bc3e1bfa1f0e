package io.wordfreq.launcher.local;

import io.wordfreq.launcher.FailedStep;
import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.StepFailedException;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.SubmissionFailedException;

import io.wordfreq.local.ServerInstallation;
import io.wordfreq.local.YarnSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a step the way EMR's {@code command-runner.jar} does, against a YARN cluster on this machine
 * (the local one, {@code local up --yarn}): the step's own arguments, {@code spark-submit
 * --deploy-mode cluster --class ... [--jars ...] <jar> count ...}, with {@code spark-submit} standing for
 * {@code sparkSubmit} (a {@code java ... SparkSubmit} command; the launcher itself never loads Spark).
 * The step's result is the YARN application's final status, from the last application report of YARN
 * that spark-submit's client prints (it waits for the application to end, as EMR's step does); the
 * application id and where its container logs are get logged.
 */
public final class YarnStepRunner implements StepRunner {

  private static final System.Logger LOG = System.getLogger(YarnStepRunner.class.getName());
  private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
  private static final Pattern FINAL_STATUS = Pattern.compile("^\\s*final status: (\\w+)");
  private static final Pattern DIAGNOSTICS = Pattern.compile("^\\s*diagnostics: (.+)$");

  private final List<String> sparkSubmit;
  private final Map<String, String> environment;
  private final URI resourceManagerWeb;
  private final List<Path> containerLogDirs;

  /**
   * @param sparkSubmit the command that stands for {@code spark-submit}
   * @param environment added to the inherited environment ({@code HADOOP_CONF_DIR}, ...)
   * @param resourceManagerWeb the ResourceManager's web UI, for the log
   * @param containerLogDirs the NodeManagers' log folders, each holding {@code <application id>/}
   */
  public YarnStepRunner(List<String> sparkSubmit, Map<String, String> environment, URI resourceManagerWeb,
      List<Path> containerLogDirs) {
    this.sparkSubmit = List.copyOf(sparkSubmit);
    this.environment = Map.copyOf(environment);
    this.resourceManagerWeb = resourceManagerWeb;
    this.containerLogDirs = List.copyOf(containerLogDirs);
  }

  /**
   * The runner for the YARN cluster whose client configuration {@code HADOOP_CONF_DIR} names (the local
   * one: {@code source <dir>/env} after {@code local up --yarn}).
   *
   * @throws IllegalArgumentException if {@code HADOOP_CONF_DIR} is unset or names no local cluster
   */
  public static YarnStepRunner forLocalCluster(Map<String, String> env) {
    String confDir = env.get("HADOOP_CONF_DIR");
    if (confDir == null || confDir.isBlank()) {
      throw new IllegalArgumentException("the yarn runner needs HADOOP_CONF_DIR: start the local YARN with "
          + "'wordfreq local up --yarn' and source its env file");
    }
    YarnSite site;
    try {
      site = YarnSite.read(Path.of(confDir));
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new YarnStepRunner(site.sparkSubmitCommand(ServerInstallation.locate()), site.environment(), site.webUi(),
        site.containerLogDirs());
  }

  /** It waits for the step's end, so the failed-step policy applies here. */
  @Override
  public boolean seesStepEnd() {
    return true;
  }

  @Override
  public String run(JobStep step) throws SubmissionFailedException {
    List<String> args = step.args();
    if (args.isEmpty() || !args.get(0).equals("spark-submit")) {
      throw new SubmissionFailedException("yarn runner: not a spark-submit step: " + args);
    }
    List<String> command = new ArrayList<>(sparkSubmit);
    command.addAll(args.subList(1, args.size()));
    LOG.log(Level.INFO, "yarn step: {0}", String.join(" ", args));
    String applicationId = null;
    String finalStatus = null;
    String diagnostics = null;
    int exit;
    try {
      ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
      child.environment().putAll(environment);
      Process process = child.start();
      process.getOutputStream().close();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          System.err.println(line);
          if (applicationId == null) {
            Matcher m = APPLICATION_ID.matcher(line);
            if (m.find()) {
              applicationId = m.group();
            }
          }
          // The YARN client's application reports: the last one, at the end, carries the final status.
          Matcher status = FINAL_STATUS.matcher(line);
          if (status.find()) {
            finalStatus = status.group(1);
          }
          Matcher diag = DIAGNOSTICS.matcher(line);
          if (diag.find() && !diag.group(1).equals("N/A")) {
            diagnostics = diag.group(1);
          }
        }
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new SubmissionFailedException("yarn runner could not run spark-submit: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubmissionFailedException("yarn runner interrupted", e);
    }
    if (applicationId == null) {
      throw new SubmissionFailedException("spark-submit exited with " + exit + " before YARN accepted an application"
          + " (step '" + step.name() + "')");
    }
    String status = finalStatus == null ? "UNKNOWN (spark-submit exited with " + exit + ")" : finalStatus;
    String logs = containerLogs(applicationId);
    LOG.log(Level.INFO, "YARN application {0}: final status {1}; {2}; container logs: {3}", applicationId, status,
        resourceManagerWeb.resolve("/cluster/app/" + applicationId), logs);
    if (!"SUCCEEDED".equals(finalStatus) || exit != 0) {
      String state = "KILLED".equals(finalStatus) ? "CANCELLED" : "FAILED";
      throw new StepFailedException(new FailedStep(applicationId, step, state,
          "YARN application " + applicationId + " ended " + status + (diagnostics == null ? "" : ": " + diagnostics),
          resourceManagerWeb.resolve("/cluster/app/" + applicationId) + "; container logs: " + logs));
    }
    return applicationId;
  }

  /** The application's folders under the NodeManagers' log folders (one per node that ran a container). */
  private String containerLogs(String applicationId) {
    List<String> dirs = containerLogDirs.stream()
        .map(d -> d.resolve(applicationId))
        .filter(Files::isDirectory)
        .map(Path::toString)
        .toList();
    return dirs.isEmpty() ? "(none on this machine)" : String.join(", ", dirs);
  }
}
