package io.wordfreq.local;

/**
 * The ports of the local YARN and HDFS cluster a user may choose (0: any free port): the
 * ResourceManager (8032), its web UI (8088), the HDFS NameNode (8020) and Spark's shuffle service on
 * the NodeManagers (7337), Hadoop's and Spark's defaults. The ResourceManager's scheduler,
 * resource-tracker and admin ports are always free ones.
 */
public record YarnPorts(int resourceManager, int webUi, int hdfs, int shuffle) {

  public static YarnPorts defaults() {
    return new YarnPorts(8032, 8088, 8020, 7337);
  }

  public static YarnPorts anyFree() {
    return new YarnPorts(0, 0, 0, 0);
  }
}
