package io.wordfreq.job.input;

import java.util.List;

/**
 * What the driver found to count: the files, and the manifest entries it could not find (which
 * become failure records).
 */
public record ListedInputs(List<InputFile> files, List<MissingInput> missing) {

  /** Total bytes of the files. */
  public long bytes() {
    return files.stream().mapToLong(InputFile::length).sum();
  }
}
