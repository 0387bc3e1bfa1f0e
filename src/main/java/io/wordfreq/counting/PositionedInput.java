package io.wordfreq.counting;

import java.io.IOException;
import java.io.InputStream;

/** Opens a file's bytes at a given position (a Hadoop stream after seek, a local file, a test array). */
@FunctionalInterface
public interface PositionedInput {
  InputStream openAt(long position) throws IOException;
}
