package io.wordfreq.job.input;

import io.wordfreq.job.Failures;
import io.wordfreq.record.ManifestLine;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileStatus;

/**
 * Lists a batch's files on the driver with Hadoop's FileSystem API, so file:, s3a:, hdfs: and plain
 * paths behave the same. Folders and prefixes are walked recursively, several common prefixes at once
 * ({@link PrefixLister}, {@value #THREADS_KEY} listings in flight, default {@value #DEFAULT_THREADS}),
 * and filtered by the include glob on the file name; a glob is expanded with
 * {@code globStatus}; a file named directly, or by a glob, is taken whatever its name. A manifest
 * line that names a version, size and ETag ({@link ManifestLine}), is taken as it is, with no request;
 * the other lines are looked up in parallel (and a size they give must match). Every file keeps the
 * ETag (and version id) it was listed with, and is read as that version. Entries not found, bad lines,
 * and entries refused by the {@link ManifestRules} become {@link MissingInput}s.
 *
 * <p>A batch may be a million files: manifests are read line by line, the files of a folder share
 * its URI's folder part ({@link InputFile}), and duplicates are dropped by sorting, not through a map.
 */
public final class InputLister {
  private static final int MANIFEST_LOOKUP_THREADS = 16;
  /** Hadoop configuration key ({@code --conf spark.hadoop.wordfreq.list.threads=N}): listings in flight. */
  public static final String THREADS_KEY = "wordfreq.list.threads";
  public static final int DEFAULT_THREADS = 16;

  private final Configuration conf;
  private final GlobPattern include;
  private final ManifestRules manifestRules;
  private final PrefixLister prefixLister;
  private final ListingProgress progress;
  /** Each folder part of the URIs once, shared by the files of the listing. */
  private final Map<String, String> folders = new ConcurrentHashMap<>();

  public InputLister(Configuration conf, String includeGlob) {
    this(conf, includeGlob, Set.of());
  }

  /** Manifest entries outside {@code processingBuckets} (unless empty) are refused. */
  public InputLister(Configuration conf, String includeGlob, Set<String> processingBuckets) {
    this(conf, includeGlob, processingBuckets, ListingProgress.SILENT);
  }

  /** As above, telling {@code progress} of every file found. */
  public InputLister(Configuration conf, String includeGlob, Set<String> processingBuckets, ListingProgress progress) {
    this.conf = conf;
    this.progress = progress;
    this.include = new GlobPattern(includeGlob);
    this.manifestRules = new ManifestRules(processingBuckets);
    this.prefixLister = new PrefixLister(conf.getInt(THREADS_KEY, DEFAULT_THREADS));
  }

  /**
   * Lists the files of {@code inputs} and of the manifests, each file once, in URI order.
   *
   * @throws InputNotFoundException if an input or a manifest does not exist, or a glob matches nothing
   */
  public ListedInputs list(Collection<String> inputs, Collection<String> manifests)
      throws IOException, InputNotFoundException {
    List<InputFile> files = new ArrayList<>();
    for (String input : inputs) {
      files.addAll(listInput(input));
    }
    List<MissingInput> missing = new ArrayList<>();
    Map<String, FileSystem> fileSystems = new HashMap<>();
    for (String manifest : manifests) {
      List<ManifestLine> unpinned = new ArrayList<>();
      readManifest(manifest, line -> {
        if (line.error() != null) {
          missing.add(new MissingInput(line.uri(), line.error()));
        } else if (line.pinsVersion()) {
          addPinned(line, fileSystems, files, missing);
        } else {
          unpinned.add(line);
        }
      });
      lookUp(unpinned, files, missing);
    }
    return new ListedInputs(firstOfEach(files), List.copyOf(missing));
  }

  /**
   * The files in URI order, each URI once: the first listed of those with the same URI (the sort is
   * stable), as a map keyed by URI would keep, without a million map entries.
   */
  private static List<InputFile> firstOfEach(List<InputFile> files) {
    files.sort(null);
    List<InputFile> once = new ArrayList<>(files.size());
    InputFile last = null;
    for (InputFile f : files) {
      if (last == null || !last.sameUri(f)) {
        once.add(f);
        last = f;
      }
    }
    return Collections.unmodifiableList(once);
  }

  private List<InputFile> listInput(String input) throws IOException, InputNotFoundException {
    Path path = new Path(input);
    FileSystem fs = path.getFileSystem(conf);
    List<InputFile> out = new ArrayList<>();
    if (isGlob(input)) {
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new InputNotFoundException("no input matches " + input);
      }
      for (FileStatus st : matches) {
        addFileOrFolder(fs, st, out);
      }
    } else {
      FileStatus st;
      try {
        st = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        throw new InputNotFoundException("input not found: " + input);
      }
      addFileOrFolder(fs, st, out);
    }
    return out;
  }

  private void addFileOrFolder(FileSystem fs, FileStatus st, List<InputFile> out) throws IOException {
    if (!st.isDirectory()) {
      out.add(toInput(fs, st));
      return;
    }
    if ("file".equals(fs.getScheme())) {
      walk(fs, st.getPath(), out);
      return;
    }
    out.addAll(prefixLister.list(fs, st.getPath(),
        f -> include.matches(f.getPath().getName()) ? toInput(fs, f) : null));
  }

  /**
   * Walks a local folder with listStatus. (The local file system's listFiles builds a
   * LocatedFileStatus per file, which reads owner and permissions by running a process per file:
   * 50 s for 6,000 files.)
   */
  private void walk(FileSystem fs, Path dir, List<InputFile> out) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      if (f.isDirectory()) {
        walk(fs, f.getPath(), out);
      } else if (include.matches(f.getPath().getName())) {
        out.add(toInput(fs, f));
      }
    }
  }

  /**
   * Reads a manifest's lines ({@link ManifestLine}); blank lines and lines starting with '#' are skipped,
   * and a bad line's error names the manifest and the line.
   */
  private void readManifest(String manifest, Consumer<ManifestLine> lines) throws IOException, InputNotFoundException {
    Path path = new Path(manifest);
    FileSystem fs = path.getFileSystem(conf);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        ManifestLine parsed = ManifestLine.parse(line);
        if (parsed != null && parsed.error() != null) {
          parsed = new ManifestLine(parsed.uri(), -1, null, null,
              "manifest " + manifest + " line " + number + ": " + parsed.error());
        }
        if (parsed != null) {
          lines.accept(parsed);
        }
      }
    } catch (FileNotFoundException e) {
      throw new InputNotFoundException("manifest not found: " + manifest);
    }
  }

  /**
   * A line with its size and ETag needs no request: its URI is qualified by its file system (opened
   * once per bucket or host, no request either) the way a listing would name it.
   */
  private void addPinned(ManifestLine line, Map<String, FileSystem> fileSystems, List<InputFile> files,
      List<MissingInput> missing) {
    String refusal = manifestRules.refusal(line.uri());
    if (refusal != null) {
      missing.add(new MissingInput(line.uri(), refusal));
      return;
    }
    try {
      Path path = new Path(line.uri());
      URI given = path.toUri();
      String key = given.getScheme() + "://" + given.getAuthority();
      FileSystem fs = fileSystems.get(key);
      if (fs == null) {
        fs = path.getFileSystem(conf);
        fileSystems.put(key, fs);
      }
      URI uri = fs.makeQualified(path).toUri();
      files.add(InputFile.of(uri.toString(), line.size(), line.eTag(), line.versionId(), folders));
      progress.found(1);
    } catch (IOException | RuntimeException e) {
      missing.add(new MissingInput(line.uri(), Failures.reason(e)));
    }
  }

  /** Looks the manifest's files up in parallel: on S3 each is one request. */
  private void lookUp(List<ManifestLine> lines, List<InputFile> files, List<MissingInput> missing)
      throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(MANIFEST_LOOKUP_THREADS, Math.max(1, lines.size())));
    try {
      List<Future<Object>> lookups = new ArrayList<>();
      for (ManifestLine line : lines) {
        lookups.add(pool.submit(() -> lookUpOne(line)));
      }
      for (Future<Object> f : lookups) {
        Object found = f.get();
        if (found instanceof InputFile file) {
          files.add(file);
        } else {
          missing.add((MissingInput) found);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while listing the manifest", e);
    } catch (ExecutionException e) {
      throw new IOException("listing the manifest failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The file of a line that does not name its version: as the store has it now. A size the line gives
   * must be the file's: a size alone cannot say which version was meant, and the job must neither cut a
   * grown file short nor count a shrunk one as whole.
   */
  private Object lookUpOne(ManifestLine line) {
    String uri = line.uri();
    String refusal = manifestRules.refusal(uri);
    if (refusal != null) {
      return new MissingInput(uri, refusal);
    }
    try {
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(path);
      if (st.isDirectory()) {
        return new MissingInput(uri, "is a folder, not a file");
      }
      if (line.size() >= 0 && st.getLen() != line.size()) {
        return new MissingInput(uri, "the manifest says " + line.size() + " bytes but the file has " + st.getLen()
            + ": it changed after the manifest was written (a line with the object's ETag names one version)");
      }
      return toInput(fs, st);
    } catch (FileNotFoundException e) {
      return new MissingInput(uri, "not found");
    } catch (IOException | RuntimeException e) {
      return new MissingInput(uri, Failures.reason(e));
    }
  }

  private InputFile toInput(FileSystem fs, FileStatus st) {
    URI uri = fs.makeQualified(st.getPath()).toUri();
    progress.found(1);
    return InputFile.of(uri.toString(), st.getLen(), eTagOf(st), versionIdOf(st), folders);
  }

  /** The ETag a listing or lookup gave for {@code st} (unquoted), or null: files are read as that version. */
  private static String eTagOf(FileStatus st) {
    String eTag = st instanceof EtagSource source ? source.getEtag() : null;
    return eTag == null || eTag.isBlank() ? null : ManifestLine.unquote(eTag.strip());
  }

  /** The S3 version id a lookup gave for {@code st} (S3A, versioned buckets; listings give none), or null. */
  private static String versionIdOf(FileStatus st) {
    String id = st instanceof S3AFileStatus s3a ? s3a.getVersionId() : null;
    return id == null || id.isBlank() ? null : id;
  }

  static boolean isGlob(String input) {
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }
}
