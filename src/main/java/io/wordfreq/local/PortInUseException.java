package io.wordfreq.local;

/** A server's port is taken by something other than the servers under the state folder. */
public final class PortInUseException extends IllegalStateException {
  private final ServerKind kind;
  private final int port;

  public PortInUseException(ServerKind kind, int port) {
    super(
        "port " + port + " for " + kind.displayName()
            + " is already in use (not by the servers under this folder); stop what uses it or choose"
            + " another port");
    this.kind = kind;
    this.port = port;
  }

  public ServerKind kind() {
    return kind;
  }

  public int port() {
    return port;
  }
}
