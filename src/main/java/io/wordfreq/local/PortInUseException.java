package io.wordfreq.local;

/** A server's port is taken by a program that is not one of ours. */
public final class PortInUseException extends IllegalStateException {
  private final ServerKind kind;
  private final int port;

  public PortInUseException(ServerKind kind, int port) {
    super(
        "port " + port + " for " + kind.displayName()
            + " is in use by another program; stop it or choose another port");
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
