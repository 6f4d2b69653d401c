// Terminal and sandbox figures against a running server (issue 6's benchmark):
//   java bench/execution/TerminalBench.java http://127.0.0.1:8080 [megabytes=100] [keystrokes=1000]
// It registers a user, creates a project, and measures over real HTTP and the terminal WebSocket:
//   cold start   API call for a ticket -> first byte of a brand-new sandboxed shell (includes the
//                workspace, bubblewrap and bash start), and POST /runs -> first output byte of a
//                one-off command (log polled every 2 ms, so an upper bound)
//   latency      one keystroke sent -> its echo back, p50/p99 over the given number of keystrokes
//   throughput   N MB printed by the sandbox (head -c of /dev/zero through base64) -> received
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TerminalBench {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String base;

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }

  static String call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
    return response.body();
  }

  /** Receives terminal output; counts bytes and hands chunks to whoever waits. */
  static final class Receiver implements WebSocket.Listener {
    final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    final AtomicLong bytes = new AtomicLong();
    volatile boolean counting;

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      if (counting) bytes.addAndGet(chunk.length);
      chunks.add(chunk);
      socket.request(1);
      return null;
    }
  }

  static String awaitText(Receiver receiver, String text, long timeoutMs) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (System.nanoTime() < deadline) {
      byte[] chunk = receiver.chunks.poll(50, TimeUnit.MILLISECONDS);
      if (chunk == null) continue;
      seen.write(chunk);
      String all = seen.toString(StandardCharsets.UTF_8);
      if (all.contains(text)) return all;
      if (seen.size() > 1_000_000) seen.reset();
    }
    throw new IllegalStateException("never saw " + text);
  }

  static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int keystrokes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    String email = "bench-" + UUID.randomUUID() + "@example.test";
    String token = field(call("POST", "/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"bench password 123\",\"name\":\"Bench\"}", null), "accessToken");
    String project = field(call("POST", "/api/v1/projects", "{\"name\":\"bench\"}", token), "id");

    // cold start of a one-off command
    List<Long> runStarts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      String run = field(call("POST", "/api/v1/projects/" + project + "/runs", "{\"command\":\"printf o\\\\n\"}", token), "id");
      while (!call("GET", "/api/v1/projects/" + project + "/runs/" + run + "/log", null, token).contains("\no")) {
        Thread.sleep(2);
      }
      runStarts.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
    }

    // cold start of the terminal: ticket -> first byte of a new sandboxed shell
    Receiver receiver = new Receiver();
    long t0 = System.nanoTime();
    String ticket = field(call("POST", "/api/v1/projects/" + project + "/terminal/ticket", null, token), "ticket");
    WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/projects/" + project + "/terminal?ticket=" + ticket), receiver).join();
    receiver.chunks.take();
    long shellStartMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
    socket.sendText("{\"type\":\"input\",\"data\":\"stty -echoctl; PS1='$ '\\r\"}", true).join();
    Thread.sleep(500);
    receiver.chunks.clear();

    // keystroke -> echo
    List<Long> echoes = new ArrayList<>();
    for (int i = 0; i < keystrokes; i++) {
      char key = (char) ('a' + i % 26);
      long sent = System.nanoTime();
      socket.sendText("{\"type\":\"input\",\"data\":\"" + key + "\"}", true).join();
      while (true) {
        byte[] chunk = receiver.chunks.poll(5, TimeUnit.SECONDS);
        if (chunk == null) throw new IllegalStateException("no echo for keystroke " + i);
        if (new String(chunk, StandardCharsets.UTF_8).indexOf(key) >= 0) break;
      }
      echoes.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
      if (i % 60 == 59) {
        socket.sendText("{\"type\":\"input\",\"data\":\"\\u0015\"}", true).join(); // Ctrl+U clears the line
        Thread.sleep(20);
        receiver.chunks.clear();
      }
    }
    socket.sendText("{\"type\":\"input\",\"data\":\"\\u0015\"}", true).join();
    Thread.sleep(200);
    receiver.chunks.clear();

    // throughput: base64 of N MB of zeros is 4/3 N MB of output
    long payload = (long) megabytes * 1_000_000L;
    receiver.bytes.set(0);
    receiver.counting = true;
    long start = System.nanoTime();
    socket.sendText("{\"type\":\"input\",\"data\":\"head -c " + (payload * 3 / 4) + " /dev/zero | base64 -w 1000; echo THROUGHPUT-$((1+1))\\r\"}", true).join();
    awaitText(receiver, "THROUGHPUT-2\r\n", 600_000);
    double seconds = (System.nanoTime() - start) / 1e9;
    long received = receiver.bytes.get();
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

    Collections.sort(runStarts);
    Collections.sort(echoes);
    System.out.printf("run cold start (POST /runs -> first output, 5 runs): min %.1f ms, median %.1f ms, max %.1f ms%n",
        runStarts.get(0) / 1000.0, runStarts.get(2) / 1000.0, runStarts.get(4) / 1000.0);
    System.out.printf("terminal cold start (ticket -> first byte of a new shell): %.1f ms%n", shellStartMicros / 1000.0);
    System.out.printf("keystroke -> echo over %d keys: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", keystrokes,
        percentile(echoes, 0.50) / 1000.0, percentile(echoes, 0.99) / 1000.0, echoes.get(echoes.size() - 1) / 1000.0);
    System.out.printf("throughput: %.1f MB in %.2f s = %.1f MB/s%n", received / 1e6, seconds, received / 1e6 / seconds);
  }
}
