package com.bharatbuild.execution.terminal;

/** One browser tab attached to a terminal. */
public interface TerminalClient {

  /** Sends output; a client that cannot keep up or has gone is dropped by the session. */
  void send(byte[] output) throws java.io.IOException;

  /** Closes the connection, telling the tab why. */
  void close(String reason);
}
