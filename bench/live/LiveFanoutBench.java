// Live channel fan-out against a running server (issue 10's benchmark):
//   java bench/live/LiveFanoutBench.java http://127.0.0.1:8080 [projects=100] [tabsPerProject=10] [rounds=20]
// Registers one user per 10 projects, opens tabsPerProject WebSockets on each project's channel,
// then, round after round, writes one file in every project through the REST API and records the
// time from just before each write to its file.changed arriving at each tab: p50/p99 over all of
// them. Prints a line to pause on while the caller measures the server's heap with the tabs idle.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LiveFanoutBench {

  static final HttpClient HTTP = HttpClient.newBuilder().build();
  static String base;
  static final Pattern VERSION = Pattern.compile("\"type\":\"file.changed\".*\"version\":(\\d+)");

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }

  static String call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
    return response.body();
  }

  /** A tab: records when each version's file.changed arrived. */
  static final class Tab implements WebSocket.Listener {
    final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
    volatile CountDownLatch round = new CountDownLatch(0);
    final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Matcher m = VERSION.matcher(partial);
        if (m.find()) {
          arrivals.put(Integer.parseInt(m.group(1)), System.nanoTime());
          round.countDown();
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int projects = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int tabs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    List<String> tokens = new ArrayList<>();
    List<String> projectIds = new ArrayList<>();
    List<List<Tab>> tabsOf = new ArrayList<>();
    String owner = null;
    for (int p = 0; p < projects; p++) {
      if (p % 10 == 0) {
        owner = field(call("POST", "/api/v1/auth/register", "{\"email\":\"live-" + UUID.randomUUID() + "@example.test\",\"password\":\"bench password 123\",\"name\":\"Bench\"}", null), "accessToken");
      }
      String project = field(call("POST", "/api/v1/projects", "{\"name\":\"live " + p + "\"}", owner), "id");
      tokens.add(owner);
      projectIds.add(project);
    }
    System.out.println("created " + projects + " projects; CREATED (measure the heap now)");
    Thread.sleep(Long.getLong("idleMillis", 8_000));
    for (int p = 0; p < projects; p++) {
      String project = projectIds.get(p);
      String token = tokens.get(p);
      List<Tab> projectTabs = new ArrayList<>();
      for (int t = 0; t < tabs; t++) {
        String ticket = field(call("POST", "/api/v1/projects/" + project + "/events/ticket", null, token), "ticket");
        Tab tab = new Tab();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/projects/" + project + "/events?ticket=" + ticket), tab).join();
        socket.sendText("{\"type\":\"resume\",\"after\":-1}", true).join();
        projectTabs.add(tab);
      }
      tabsOf.add(projectTabs);
    }
    System.out.println("connected " + projects * tabs + " tabs; IDLE (measure the heap now)");
    Thread.sleep(Long.getLong("idleMillis", 15_000));

    List<Long> latencies = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      CountDownLatch all = new CountDownLatch(projects * tabs);
      for (List<Tab> projectTabs : tabsOf) for (Tab tab : projectTabs) tab.round = all;
      long[] sent = new long[projects];
      for (int p = 0; p < projects; p++) {
        sent[p] = System.nanoTime();
        call("PUT", "/api/v1/projects/" + projectIds.get(p) + "/files", "{\"path\":\"a.txt\",\"content\":\"round " + round + "\"}", tokens.get(p));
      }
      if (!all.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("round " + round + " incomplete");
      for (int p = 0; p < projects; p++) {
        for (Tab tab : tabsOf.get(p)) latencies.add(tab.arrivals.get(round) - sent[p]);
      }
    }
    Collections.sort(latencies);
    System.out.printf("fan-out over %d deliveries (%d tabs, %d projects, %d rounds): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        latencies.size(), projects * tabs, projects, rounds,
        latencies.get(latencies.size() / 2) / 1e6, latencies.get((int) (latencies.size() * 0.99)) / 1e6, latencies.get(latencies.size() - 1) / 1e6);
    System.exit(0);
  }
}
