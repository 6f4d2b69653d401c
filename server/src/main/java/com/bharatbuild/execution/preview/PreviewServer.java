package com.bharatbuild.execution.preview;

import com.bharatbuild.execution.ExecutionProperties;
import com.bharatbuild.execution.PreviewTargets;
import com.bharatbuild.execution.PreviewTargets.Target;
import com.bharatbuild.projects.ProjectDeleted;
import com.bharatbuild.shared.tickets.Tickets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The preview origin: a second listener, so the previewed app runs on an origin of its own ({@code
 * <project>.localhost:8081} by default) and can never read the editor's storage or cookies. A tab
 * arrives with a one-use ticket, gets a cookie for that project's host, and from then on its
 * connections, HTTP and WebSocket alike, are piped byte for byte to the dev server through the
 * sandbox's bridge socket.
 */
public final class PreviewServer implements SmartLifecycle {

  public static final String TICKET_PURPOSE = "preview";
  static final String AUTH_PATH = "/__bharatbuild/auth";
  static final String COOKIE = "bharatbuild_preview";
  private static final Logger log = LoggerFactory.getLogger(PreviewServer.class);
  private static final int HEAD_TIMEOUT_MS = 30_000;
  private static final java.time.Duration BRIDGE_WAIT = java.time.Duration.ofSeconds(3);

  private final ExecutionProperties.Preview settings;
  private final PreviewTargets targets;
  private final Tickets tickets;
  private final PreviewSessions sessions;
  private volatile ServerSocket listener;
  private volatile boolean running;

  public PreviewServer(
      ExecutionProperties.Preview settings, PreviewTargets targets, Tickets tickets, Clock clock) {
    this.settings = settings;
    this.targets = targets;
    this.tickets = tickets;
    this.sessions = new PreviewSessions(clock, settings.sessionTtl());
  }

  /** The base URL of a project's preview. */
  public String baseUrl(UUID projectId) {
    if (!settings.publicUrl().isBlank()) {
      return settings.publicUrl().replace("{project}", projectId.toString());
    }
    return "http://" + projectId + "." + settings.domain() + ":" + port();
  }

  /** The URL that trades a ticket for the preview's cookie. */
  public String entryUrl(UUID projectId, String ticket) {
    return baseUrl(projectId) + AUTH_PATH + "?ticket=" + ticket;
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
        respond(out, 404, "Not a preview", "This address is not a project's preview.", false);
        return;
      }
      UUID projectId = project.get();
      if (head.target().startsWith(AUTH_PATH)) {
        signIn(out, head, projectId);
        return;
      }
      boolean admitted =
          head.cookieValue(COOKIE).map(token -> sessions.admits(token, projectId)).orElse(false);
      if (!admitted) {
        respond(
            out,
            401,
            "Open the preview from the editor",
            "This preview belongs to a project; open it with the Preview button of its editor.",
            false);
        return;
      }
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

  private void signIn(OutputStream out, RequestHead head, UUID projectId) throws IOException {
    String ticket =
        UriComponentsBuilder.fromUri(URI.create("http://preview" + safeTarget(head.target())))
            .build()
            .getQueryParams()
            .getFirst("ticket");
    if (ticket == null || tickets.redeem(ticket, TICKET_PURPOSE, projectId).isEmpty()) {
      respond(
          out,
          401,
          "This preview link has expired",
          "Preview links work once and for a minute; open the preview again from the editor.",
          false);
      return;
    }
    String token = sessions.open(projectId);
    String response =
        "HTTP/1.1 302 Found\r\n"
            + "Location: /\r\n"
            + "Set-Cookie: "
            + COOKIE
            + "="
            + token
            + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
            + sessions.ttl().toSeconds()
            + "\r\n"
            + "Cache-Control: no-store\r\n"
            + "Content-Length: 0\r\n"
            + "Connection: close\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
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
    String suffix = "." + settings.domain().toLowerCase(java.util.Locale.ROOT);
    String label;
    if (!settings.publicUrl().isBlank()) {
      label = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    } else if (host.endsWith(suffix)) {
      label = host.substring(0, host.length() - suffix.length());
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(label));
    } catch (IllegalArgumentException notAProject) {
      return Optional.empty();
    }
  }

  private static String safeTarget(String target) {
    return target.startsWith("/") ? target : "/" + target;
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
