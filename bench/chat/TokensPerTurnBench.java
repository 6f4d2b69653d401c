import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input tokens per message over a 20-turn conversation on a 100-file project: bolt.new users report
 * the whole project and chat being resent each turn, so the cost grows with every message. Here the
 * prompt holds the file tree, not the files, and a bounded window of history, so it must level off.
 *
 * <p>The fake Anthropic server reports as input tokens the size of the request it received divided by
 * four (a stand-in for a tokenizer, the same for every turn), and answers each turn with a short
 * text and one small file change, like a real session.
 *
 * <p>Run: java bench/chat/TokensPerTurnBench.java server/target/bharatbuild.jar
 */
public class TokensPerTurnBench {

  static final Pattern INPUT = Pattern.compile("\"inputTokens\":(\\d+)");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    try (Fake fake = new Fake()) {
      Path data = Files.createTempDirectory("bb-turns");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-jar", jar.toString(),
                  "--server.port=" + port,
                  "--bharatbuild.data-dir=" + data,
                  "--bharatbuild.wallet.starting-grant=1000000000")
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("server.log").toFile());
      builder.environment().put("ANTHROPIC_API_KEY", "bench");
      builder.environment().put("ANTHROPIC_BASE_URL", fake.baseUrl());
      Process server = builder.start();
      String base = "http://127.0.0.1:" + port;
      try {
        awaitHealthy(base);
        HttpClient http = HttpClient.newHttpClient();
        String token = field(post(http, base + "/api/v1/auth/register",
            "{\"email\":\"turns" + System.nanoTime() + "@example.test\",\"password\":\"benchmark-pass\"}", null), "accessToken");
        String project = field(post(http, base + "/api/v1/projects", "{\"name\":\"hundred files\",\"type\":\"react\"}", token), "id");
        String body = "export function helper(value: number): number {\\n  return value * 2;\\n}\\n".repeat(25);
        for (int i = 0; i < 100; i++) {
          post(http, base + "/api/v1/projects/" + project + "/files",
              "{\"path\":\"src/module" + i + "/index.ts\",\"content\":\"" + body + "\"}", token);
        }
        long fileBytes = 100L * body.replace("\\n", "\n").length();
        long historyBytes = 0;
        long firstRequest = 0;
        System.out.println("| turn | input tokens | request bytes | naive: all files and all history, tokens |");
        System.out.println("|---|---|---|---|");
        for (int turn = 1; turn <= 20; turn++) {
          String message = "Turn " + turn + ": please improve module " + turn + " and explain what you changed in a few sentences.";
          String events = post(http, base + "/api/v1/chat/stream",
              "{\"projectId\":\"" + project + "\",\"message\":\"" + message + "\"}", token);
          Matcher matcher = INPUT.matcher(events);
          String input = matcher.find() ? matcher.group(1) : "?";
          if (turn == 1) {
            firstRequest = fake.lastRequestBytes;
          }
          // the same conversation sent naively: the first request, every file's content, every
          // earlier message and answer
          long naive = (firstRequest + fileBytes + historyBytes) / 4;
          historyBytes += message.length() + Fake.ANSWER_BYTES;
          System.out.println(
              "| " + turn + " | " + input + " | " + fake.lastRequestBytes + " | " + naive + " |");
        }
      } finally {
        server.destroy();
        server.waitFor();
      }
    }
  }

  static void awaitHealthy(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 600; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server did not start");
  }

  static String post(HttpClient http, String url, String json, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return matcher.group(1);
  }

  /** Answers in Anthropic's Messages SSE format; input tokens = request bytes / 4. */
  static final class Fake implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    static final int ANSWER_BYTES = 330;
    volatile int lastRequestBytes;
    private int turn;

    Fake() throws IOException {
      server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
      threads.submit(this::accept);
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          threads.submit(() -> serve(socket));
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void serve(Socket socket) {
      try (socket) {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        int length = 0;
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] request = in.readNBytes(length);
        lastRequestBytes = request.length;
        int n;
        synchronized (this) {
          n = ++turn;
        }
        String answer = "I doubled the factor in module " + n + ".\\n<operation type=\\\"modify\\\" path=\\\"src/module" + n
            + "/index.ts\\\">\\n<description>Triple instead of double</description>\\n<diff>\\n@@ -1,3 +1,3 @@\\n export function helper(value: number): number {\\n-  return value * 2;\\n+  return value * 3;\\n }\\n</diff>\\n</operation>\\nThe other modules are unchanged.";
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        frame(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + request.length / 4 + ",\"output_tokens\":1}}}");
        frame(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        frame(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + answer + "\"}}");
        frame(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        frame(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":60}}");
        frame(out, "message_stop", "{\"type\":\"message_stop\"}");
      } catch (IOException ignored) {
        // client went away
      }
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          bytes.write(c);
        }
      }
      return c < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    private static void frame(OutputStream out, String event, String data) throws IOException {
      out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
      threads.shutdownNow();
    }
  }
}
