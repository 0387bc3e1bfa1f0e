package io.wordfreq.launcher;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Set;

/**
 * Which announced objects the launcher sends to the job: only objects in the configured processing
 * bucket(s) — others are never read — and only keys matching the include glob (default
 * {@code *.txt}; a glob without {@code /} is matched against the key's last segment, as the count
 * job's {@code --include} is). The launcher's own objects under {@code _wordfreq/} are never sent.
 */
public final class ObjectSelection {

  /** What to do with one announced object. */
  public enum Verdict {
    /** Goes into a batch. */
    ACCEPT,
    /** Key does not match the include glob: acknowledged and dropped. */
    NOT_INCLUDED,
    /** Bucket is not a processing bucket: the message is rejected, the object never read. */
    FOREIGN_BUCKET
  }

  private final Set<String> buckets;
  private final String include;
  private final PathMatcher matcher;

  public ObjectSelection(Set<String> processingBuckets, String includeGlob) {
    if (processingBuckets.isEmpty()) {
      throw new IllegalArgumentException("at least one processing bucket is needed");
    }
    this.buckets = Set.copyOf(processingBuckets);
    this.include = includeGlob;
    this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + includeGlob);
  }

  public Verdict judge(ObjectRef object) {
    if (!buckets.contains(object.bucket())) {
      return Verdict.FOREIGN_BUCKET;
    }
    if (object.key().startsWith(ManifestStore.PREFIX)) {
      return Verdict.NOT_INCLUDED; // manifests of older launchers ended in .txt and announced themselves
    }
    return included(object.key()) ? Verdict.ACCEPT : Verdict.NOT_INCLUDED;
  }

  public Set<String> buckets() {
    return buckets;
  }

  public String include() {
    return include;
  }

  private boolean included(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      return false; // a "folder" placeholder object
    }
    try {
      return matcher.matches(Path.of(name));
    } catch (InvalidPathException e) {
      return false; // a key no path can hold (NUL): not a file the job would read either
    }
  }
}
