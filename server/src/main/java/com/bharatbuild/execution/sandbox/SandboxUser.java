package com.bharatbuild.execution.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who sandboxed commands run as. A server running as root hands them an unprivileged user of their
 * own, so that a command can neither act as root in the namespaces it shares nor count against the
 * server's process limit; the files it must write are handed to that user.
 */
public final class SandboxUser {

  private static final int ROOT = 0;

  private final int uid;

  private SandboxUser(int uid) {
    this.uid = uid;
  }

  /** Commands keep the server's user: it is not root, or nothing is isolated anyway. */
  public static SandboxUser sameAsServer() {
    return new SandboxUser(-1);
  }

  /** Commands run as {@code uid} when the server is root, else as the server's user. */
  public static SandboxUser forServer(int uid) {
    return serverUid() == ROOT ? new SandboxUser(uid) : sameAsServer();
  }

  public boolean switches() {
    return uid >= 0;
  }

  public int uid() {
    return uid;
  }

  /** Gives a file or folder the server just wrote to the sandbox's user. */
  public void own(Path path) throws IOException {
    if (switches()) {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }
  }

  static int serverUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }
}
