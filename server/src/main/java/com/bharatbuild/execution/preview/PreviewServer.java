package com.bharatbuild.execution.preview;

import com.bharatbuild.execution.ExecutionProperties;
import com.bharatbuild.execution.PreviewTargets;
import com.bharatbuild.execution.PreviewTargets.Target;
import com.bharatbuild.projects.ProjectDeleted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The preview origin: a second listener, so the previewed app runs on an origin of its own ({@code
 * <secret>.localhost:8081} by default) and can never read the editor's storage or cookies. The
 * owner gets the secret host name from the API; every connection to it, HTTP and WebSocket alike,
 * is piped byte for byte to the dev server through the sandbox's bridge socket.
 */
public final class PreviewServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PreviewServer.class);
  private static final int HEAD_TIMEOUT_MS = 30_000;
  private static final java.time.Duration BRIDGE_WAIT = java.time.Duration.ofSeconds(3);

  private final ExecutionProperties.Preview settings;
  private final PreviewTargets targets;
  private final PreviewSessions sessions;
  private volatile ServerSocket listener;
  private volatile boolean running;

  public PreviewServer(ExecutionProperties.Preview settings, PreviewTargets targets, Clock clock) {
    this.settings = settings;
    this.targets = targets;
    this.sessions = new PreviewSessions(clock, settings.sessionTtl());
  }

  /** The address of the project's preview, valid for the session time-to-live. */
  public String open(UUID projectId) {
    String name = sessions.open(projectId);
    if (!settings.publicUrl().isBlank()) {
      return settings.publicUrl().replace("{project}", name);
    }
    return "http://" + name + "." + settings.domain() + ":" + port() + "/";
  }

  /** When the address {@link #open} gave last for the project stops working. */
  public java.time.Instant expiresAt(String url) {
    String host = java.net.URI.create(url).getHost();
    return sessions.expiresAt(host == null ? "" : host.split("\\.")[0]);
  }

  public int port() {
    ServerSocket current = listener;
    return current == null ? settings.port() : current.getLocalPort();
  }

  @Override
  public void start() {
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.bindAddress());
    } catch (IOException e) {
      throw new IllegalStateException(
          "bharatbuild.execution.preview.bind-address is not an address: " + e.getMessage(), e);
    }
    try {
      listener = bind(address, settings.port());
    } catch (IOException busy) {
      // a second server on one machine (tests, a run beside a build) must still start
      log.warn(
          "Preview port {} is not free ({}); previews use a free port instead",
          settings.port(),
          busy.getMessage());
      try {
        listener = bind(address, 0);
      } catch (IOException e) {
        throw new IllegalStateException("No port for the preview listener: " + e.getMessage(), e);
      }
    }
    running = true;
    Thread.ofVirtual().name("preview-accept").start(this::accept);
    log.info("Previews are served on port {}", listener.getLocalPort());
  }

  private static ServerSocket bind(InetAddress address, int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public void stop() {
    running = false;
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      log.debug("Preview listener closed with an error", e);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @EventListener
  void onProjectDeleted(ProjectDeleted deleted) {
    sessions.close(deleted.projectId());
  }

  private void accept() {
    while (running) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().name("preview").start(() -> serve(client));
      } catch (IOException e) {
        if (running) {
          log.warn("Preview listener failed to accept: {}", e.getMessage());
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(HEAD_TIMEOUT_MS);
      client.setTcpNoDelay(true);
      Optional<RequestHead> read = RequestHead.read(client.getInputStream());
      if (read.isEmpty()) {
        return;
      }
      RequestHead head = read.get();
      OutputStream out = client.getOutputStream();
      Optional<UUID> project = projectOf(head);
      if (project.isEmpty()) {
        respond(
            out,
            404,
            "Not a preview",
            "This address is not a preview, or it has expired; open the preview again from the"
                + " editor.",
            false);
        return;
      }
      UUID projectId = project.get();
      Optional<Target> target = targets.of(projectId);
      if (target.isEmpty()) {
        respond(
            out,
            503,
            "No dev server is running",
            "Start the project with Run; this page reloads by itself.",
            true);
        return;
      }
      client.setSoTimeout(0);
      pipe(client, head, target.get());
    } catch (IOException e) {
      log.debug("Preview connection ended: {}", e.getMessage());
    }
  }

  private void pipe(Socket client, RequestHead head, Target target) throws IOException {
    SocketChannel upstream = connectBridge(target);
    if (upstream == null) {
      respond(
          client.getOutputStream(),
          502,
          "The dev server is starting",
          "The preview cannot reach the project's dev server yet; this page reloads by itself.",
          true);
      return;
    }
    try (upstream) {
      upstream.write(ByteBuffer.wrap((target.port() + "\n").getBytes(StandardCharsets.US_ASCII)));
      upstream.write(ByteBuffer.wrap(head.bytes()));
      InputStream fromUpstream = Channels.newInputStream(upstream);
      OutputStream toUpstream = Channels.newOutputStream(upstream);
      Thread back =
          Thread.ofVirtual().name("preview-back").start(() -> copy(fromUpstream, client, true));
      copyRequest(client, toUpstream, upstream);
      back.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bridge starts beside the command, so it may need a moment after the command's output. */
  private static @Nullable SocketChannel connectBridge(Target target) {
    long deadline = System.nanoTime() + BRIDGE_WAIT.toNanos();
    while (true) {
      try {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          channel.connect(UnixDomainSocketAddress.of(target.socket()));
          return channel;
        } catch (IOException e) {
          channel.close();
          throw e;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          log.debug("Preview bridge {} unreachable: {}", target.socket(), notYet.getMessage());
          return null;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
  }

  private static void copyRequest(Socket client, OutputStream toUpstream, SocketChannel upstream) {
    try {
      client.getInputStream().transferTo(toUpstream);
      upstream.shutdownOutput();
    } catch (IOException e) {
      try {
        upstream.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void copy(InputStream from, Socket client, boolean closeWhenDone) {
    try {
      from.transferTo(client.getOutputStream());
      client.shutdownOutput();
    } catch (IOException e) {
      // either side went away
    } finally {
      if (closeWhenDone) {
        try {
          client.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }
  }

  private Optional<UUID> projectOf(RequestHead head) {
    String host = head.hostName();
    int dot = host.indexOf('.');
    return sessions.project(dot < 0 ? host : host.substring(0, dot));
  }

  private static void respond(
      OutputStream out, int status, String title, String message, boolean reload)
      throws IOException {
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title>"
            + (reload ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
            + "<style>body{font-family:system-ui,sans-serif;margin:3rem;color:#334155}</style>"
            + "</head><body><h1>"
            + title
            + "</h1><p>"
            + message
            + "</p></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    String reason =
        switch (status) {
          case 401 -> "Unauthorized";
          case 404 -> "Not Found";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          default -> "Error";
        };
    String headers =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }
}
