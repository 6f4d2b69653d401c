package com.bharatbuild.execution.terminal;

import com.bharatbuild.execution.sandbox.SandboxProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * A shell in the project's sandbox that every tab of its owner shares: output goes to all of them
 * and into the scrollback, input from any of them goes to the shell.
 */
public final class TerminalSession {

  private final SandboxProcess process;
  private final Scrollback scrollback;
  private final Set<TerminalClient> clients = new CopyOnWriteArraySet<>();
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean ended;

  public TerminalSession(SandboxProcess process, int scrollbackBytes) {
    this.process = process;
    this.scrollback = new Scrollback(scrollbackBytes);
  }

  /** Attaches a tab and replays the scrollback to it first. */
  public void attach(TerminalClient client) throws IOException {
    synchronized (scrollback) {
      byte[] history = scrollback.snapshot();
      if (history.length > 0) {
        client.send(history);
      }
      clients.add(client);
    }
    touch();
  }

  public void detach(TerminalClient client) {
    clients.remove(client);
    touch();
  }

  public void input(byte[] bytes) throws IOException {
    OutputStream in = process.input();
    in.write(bytes);
    in.flush();
    touch();
  }

  public void resize(int columns, int rows) {
    process.resize(columns, rows);
  }

  /** Reads the shell's output until it ends; runs on a thread of its own. */
  public void pump(Consumer<String> lines) {
    byte[] buffer = new byte[65_536];
    StringBuilder line = new StringBuilder();
    try (InputStream output = process.output()) {
      int read;
      while ((read = readCoalesced(output, buffer)) != -1) {
        synchronized (scrollback) {
          scrollback.append(buffer, read);
          byte[] chunk = java.util.Arrays.copyOf(buffer, read);
          for (TerminalClient client : clients) {
            try {
              client.send(chunk);
            } catch (IOException | RuntimeException gone) {
              clients.remove(client);
              client.close("could not keep up");
            }
          }
        }
        for (int i = 0; i < read; i++) {
          char c = (char) (buffer[i] & 0xff);
          if (c == '\n' || c == '\r') {
            if (!line.isEmpty()) {
              lines.accept(line.toString());
              line.setLength(0);
            }
          } else if (line.length() < 4_096) {
            line.append(c);
          }
        }
        touch();
      }
    } catch (IOException ended) {
      // the shell is gone
    } finally {
      end("the shell exited");
    }
  }

  /**
   * Reads what is there, then whatever else is already waiting, so a burst of output goes out in a
   * few large frames rather than one per kernel-sized read.
   */
  private static int readCoalesced(InputStream output, byte[] buffer) throws IOException {
    int total = output.read(buffer);
    while (total > 0 && total < buffer.length && output.available() > 0) {
      int more = output.read(buffer, total, buffer.length - total);
      if (more <= 0) {
        break;
      }
      total += more;
    }
    return total;
  }

  public boolean idleFor(Duration timeout) {
    return clients.isEmpty() && System.nanoTime() - lastActivity > timeout.toNanos();
  }

  public boolean ended() {
    return ended;
  }

  public void end(String reason) {
    if (ended) {
      return;
    }
    ended = true;
    process.stop(Duration.ofSeconds(1));
    for (TerminalClient client : clients) {
      client.close(reason);
    }
    clients.clear();
  }

  public int clientCount() {
    return clients.size();
  }

  /** Whether the shell printed or was typed into since the given {@link System#nanoTime()}. */
  public boolean activeSince(long nanoTime) {
    return lastActivity - nanoTime > 0;
  }

  private void touch() {
    lastActivity = System.nanoTime();
  }
}
