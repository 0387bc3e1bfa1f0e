package io.wordfreq.cli;

import picocli.CommandLine;

/** Reports the version from the jar's manifest (or "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = WordFreqCli.class.getPackage().getImplementationVersion();
    return new String[] {"wordfreq " + (v == null ? "dev" : v)};
  }
}
