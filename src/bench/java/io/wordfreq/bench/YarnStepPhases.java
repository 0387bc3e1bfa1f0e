package io.wordfreq.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.JobStepFactory;
import io.wordfreq.launcher.StepSettings;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalYarn;
import io.wordfreq.local.ServerInstallation;
import io.wordfreq.local.YarnSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * Runs one step on the local YARN ({@code local up --yarn}, from the environment its env file gives)
 * several times and breaks each run's wall time into phases, from sources that record them:
 * spark-submit's own start and end (this process starts it and reads its lines as they come), the
 * YARN client's log lines (staging upload), the ResourceManager's application report (start,
 * launch and finish time) and the driver's Spark event
 * log (SparkContext up, executors added, jobs' start and end, application end). Variants of Spark
 * settings ({@code --conf}) run interleaved, A B A B, and each phase's median is printed per variant.
 *
 * <p>Usage: {@code YarnStepPhases --prefix s3://BUCKET/PREFIX/ --work DIR --runs N
 * [--variant NAME=key=value,key=value ...]}; the first variant is the baseline (default: none, "as is").
 */
public final class YarnStepPhases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
  private static final Pattern UPLOAD = Pattern.compile("Uploading resource (\\S+) -> (\\S+)");

  /** The phases, each from one milestone to the next (milestones as in {@link Run}). */
  private static final List<String[]> PHASES = List.of(
      new String[] {"spark-submit JVM start", "submit", "clientUp"},
      new String[] {"staging upload + submit", "clientUp", "accepted"},
      new String[] {"  uploads to the staging dir", "preparing", "submitting"},
      new String[] {"AM container start", "accepted", "amLaunched"},
      new String[] {"driver start (SparkContext up)", "amLaunched", "contextUp"},
      new String[] {"planning", "contextUp", "countStart"},
      new String[] {"first executor registered", "countStart", "firstExecutor"},
      new String[] {"counting", "firstExecutorOrCountStart", "countEnd"},
      new String[] {"writing (top 10, outputs)", "countEnd", "jobsEnd"},
      new String[] {"shutdown", "jobsEnd", "exit"},
      new String[] {"  driver stop", "jobsEnd", "appEnd"},
      new String[] {"  AM exit, RM finish", "appEnd", "finished"},
      new String[] {"  client sees the end", "finished", "exit"},
      new String[] {"total", "submit", "exit"});

  private YarnStepPhases() {}

  public static void main(String[] args) throws Exception {
    String prefix = null;
    Path work = null;
    int runs = 3;
    Map<String, List<String>> variants = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--prefix" -> prefix = args[++i];
        case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--variant" -> {
          String spec = args[++i];
          int eq = spec.indexOf('=');
          String name = eq < 0 ? spec : spec.substring(0, eq);
          List<String> conf = new ArrayList<>();
          if (eq >= 0 && eq < spec.length() - 1) {
            for (String kv : spec.substring(eq + 1).split(",(?=[a-zA-Z][\\w.-]*=)")) {
              conf.add(kv);
            }
          }
          variants.put(name, conf);
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (prefix == null || work == null) {
      throw new IllegalArgumentException("usage: YarnStepPhases --prefix s3://BUCKET/PREFIX/ --work DIR [--runs N] [--variant NAME=k=v,...]");
    }
    if (variants.isEmpty()) {
      variants.put("as-is", List.of());
    }
    YarnSite site = YarnSite.read(Path.of(System.getenv("HADOOP_CONF_DIR")));
    Path eventLogs = Files.createDirectories(work.resolve("event-logs"));
    Path transcripts = Files.createDirectories(work.resolve("transcripts"));
    Map<String, List<Run>> results = new LinkedHashMap<>();
    variants.keySet().forEach(v -> results.put(v, new ArrayList<>()));
    boolean uploadsShown = false;
    for (int r = 0; r < runs; r++) {
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        Run run = runOnce(site, prefix, v.getValue(), eventLogs, transcripts.resolve(v.getKey() + "-" + r + ".log"));
        results.get(v.getKey()).add(run);
        System.err.printf(Locale.ROOT, "yarn-step: %s run %d: %s, %.1f s%s%n", v.getKey(), r + 1, run.applicationId,
            run.seconds("submit", "exit"), run.ok ? "" : " FAILED");
        if (!uploadsShown) {
          System.out.println("staged per step (spark-submit's 'Uploading resource' lines):");
          run.uploads.forEach(u -> System.out.println("  " + u));
          if (run.uploads.isEmpty()) {
            System.out.println("  (nothing)");
          }
          uploadsShown = true;
        }
      }
    }
    print(results);
  }

  /** Each phase's median per variant, the ratio to the first, and every run's total. */
  private static void print(Map<String, List<Run>> results) {
    List<String> names = new ArrayList<>(results.keySet());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%n%-32s", "phase (median s)"));
    names.forEach(n -> head.append(String.format(Locale.ROOT, " %14s", n)));
    if (names.size() > 1) {
      names.subList(1, names.size()).forEach(n -> head.append(String.format(Locale.ROOT, " %10s", "÷" + names.get(0))));
    }
    System.out.println(head);
    for (String[] phase : PHASES) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-32s", phase[0]));
      List<Double> medians = new ArrayList<>();
      for (String n : names) {
        List<Double> values = results.get(n).stream().filter(run -> run.ok).map(run -> run.seconds(phase[1], phase[2]))
            .filter(d -> !d.isNaN()).toList();
        double m = median(values);
        medians.add(m);
        line.append(String.format(Locale.ROOT, " %14s", Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.2f", m)));
      }
      for (int i = 1; i < medians.size(); i++) {
        double ratio = medians.get(i) / medians.get(0);
        line.append(String.format(Locale.ROOT, " %10s", Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "-"));
      }
      System.out.println(line);
    }
    for (String n : names) {
      StringBuilder all = new StringBuilder();
      for (Run run : results.get(n)) {
        all.append(String.format(Locale.ROOT, " %.1f%s", run.seconds("submit", "exit"), run.ok ? "" : "(failed)"));
      }
      System.out.println(n + ": totals (s):" + all + "; first executor at " + results.get(n).stream()
          .filter(run -> run.ok).map(run -> String.format(Locale.ROOT, "%.1f", run.seconds("submit", "firstExecutor")))
          .toList() + " s; executors added " + results.get(n).stream().map(run -> run.executors).toList());
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** One run of the step: spark-submit as the YARN runner starts it, with {@code conf} before the jar. */
  private static Run runOnce(YarnSite site, String prefix, List<String> conf, Path eventLogs, Path transcript)
      throws IOException, InterruptedException {
    StepSettings settings = new StepSettings(LocalYarn.jobJarUri(), StepSettings.MAIN_CLASS,
        List.of(StepSettings.localConnectorJar(System.getenv())), LocalEndpoints.TABLE, null);
    JobStep step = new JobStepFactory(settings).forPrefix("yarn-step-" + System.currentTimeMillis(), prefix, "*.txt");
    List<String> command = new ArrayList<>(site.sparkSubmitCommand(ServerInstallation.locate()));
    List<String> stepArgs = step.args();
    command.addAll(stepArgs.subList(1, step.jarIndex()));
    command.addAll(List.of("--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + eventLogs.toUri()));
    conf.forEach(kv -> command.addAll(List.of("--conf", kv)));
    command.addAll(stepArgs.subList(step.jarIndex(), stepArgs.size()));

    Run run = new Run();
    ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
    child.environment().putAll(site.environment());
    run.at.put("submit", System.currentTimeMillis());
    Process process = child.start();
    process.getOutputStream().close();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(transcript, StandardCharsets.UTF_8))) {
      out.println(String.join(" ", command));
      for (String line; (line = lines.readLine()) != null; ) {
        long now = System.currentTimeMillis();
        out.println(now + " " + line);
        // The YARN client's first line: spark-submit has read its settings and starts the submission.
        if (line.contains(" INFO Client: ")) {
          run.at.putIfAbsent("clientUp", now);
        }
        if (line.contains("INFO Client: Preparing resources for our AM container")) {
          run.at.put("preparing", now);
        }
        if (line.contains("INFO Client: Submitting application")) {
          run.at.put("submitting", now);
        }
        Matcher upload = UPLOAD.matcher(line);
        if (upload.find()) {
          run.uploads.add(upload.group(1) + size(upload.group(1)));
        }
        if (run.applicationId == null) {
          Matcher m = APPLICATION_ID.matcher(line);
          if (m.find()) {
            run.applicationId = m.group();
          }
        }
      }
    }
    run.ok = process.waitFor() == 0;
    run.at.put("exit", System.currentTimeMillis());
    if (run.applicationId != null) {
      applicationReport(site, run);
      eventLog(eventLogs, run);
    }
    Long count = run.at.get("countStart");
    Long executor = run.at.get("firstExecutor");
    if (count != null) {
      run.at.put("firstExecutorOrCountStart", executor == null ? count : Math.max(count, executor));
    }
    return run;
  }

  /** The local file's size, for the upload list ("" for anything else). */
  private static String size(String uri) {
    try {
      Path file = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
      return Files.isRegularFile(file) ? String.format(Locale.ROOT, " (%.1f MB)", Files.size(file) / 1e6) : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * startTime, launchTime and finishTime from the ResourceManager's application report, asked with
   * YARN's client API (the local cluster's REST API serializes application reports wrongly).
   */
  private static void applicationReport(YarnSite site, Run run) throws IOException {
    YarnConfiguration conf = new YarnConfiguration();
    for (String file : List.of("core-site.xml", "yarn-site.xml")) {
      conf.addResource(new org.apache.hadoop.fs.Path(site.confDir().resolve(file).toUri()));
    }
    try (YarnClient client = YarnClient.createYarnClient()) {
      client.init(conf);
      client.start();
      ApplicationReport report = client.getApplicationReport(ApplicationId.fromString(run.applicationId));
      putIfPositive(run, "accepted", report.getStartTime());
      putIfPositive(run, "amLaunched", report.getLaunchTime());
      putIfPositive(run, "finished", report.getFinishTime());
    } catch (YarnException e) {
      throw new IOException("no application report for " + run.applicationId + ": " + e.getMessage(), e);
    }
  }

  private static void putIfPositive(Run run, String milestone, long millis) {
    if (millis > 0) {
      run.at.put(milestone, millis);
    }
  }

  /** The driver's event log: SparkContext up, executors, the jobs, the application's end. */
  private static void eventLog(Path eventLogs, Run run) throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(eventLogs)) {
      file = files.filter(f -> f.getFileName().toString().startsWith(run.applicationId)).findFirst().orElse(null);
    }
    if (file == null) {
      return;
    }
    Map<Integer, String> descriptions = new TreeMap<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        JsonNode e = JSON.readTree(line);
        switch (e.path("Event").asText()) {
          case "SparkListenerBlockManagerAdded" -> {
            if (e.path("Block Manager ID").path("Executor ID").asText().equals("driver")) {
              run.at.putIfAbsent("contextUp", e.path("Timestamp").asLong());
            }
          }
          case "SparkListenerExecutorAdded" -> {
            run.executors++;
            run.at.merge("firstExecutor", e.path("Timestamp").asLong(), Math::min);
          }
          case "SparkListenerJobStart" -> {
            String description = e.path("Properties").path("spark.job.description").asText("");
            descriptions.put(e.path("Job ID").asInt(), description);
            if (description.startsWith("count ")) {
              run.at.putIfAbsent("countStart", e.path("Submission Time").asLong());
            }
          }
          case "SparkListenerJobEnd" -> {
            long end = e.path("Completion Time").asLong();
            if (descriptions.getOrDefault(e.path("Job ID").asInt(), "").startsWith("count ")) {
              run.at.put("countEnd", end);
            }
            run.at.merge("jobsEnd", end, Math::max);
          }
          case "SparkListenerApplicationEnd" -> run.at.put("appEnd", e.path("Timestamp").asLong());
          default -> { }
        }
      }
    }
  }

  /** One run's milestones (epoch milliseconds, one clock: every process is on this machine). */
  private static final class Run {
    final Map<String, Long> at = new LinkedHashMap<>();
    final List<String> uploads = new ArrayList<>();
    String applicationId;
    int executors;
    boolean ok;

    double seconds(String from, String to) {
      Long a = at.get(from);
      Long b = at.get(to);
      return a == null || b == null ? Double.NaN : Math.max(0, b - a) / 1000.0;
    }
  }
}
