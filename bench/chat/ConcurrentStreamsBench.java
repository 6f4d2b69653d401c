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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N concurrent chat replies through the server against a fake Anthropic server that sends 30
 * chunks a second. The fake and the clients live in this JVM, so each chunk carries the fake's
 * send time and the client measures what the server added on its way through.
 *
 * <p>Run: java [-Daccounts=N] [-Dwarmups=1] [-Dchunks=60] [-Dramp=0] [-DserverCpus=1]
 * [-DserverJvmArgs="-XX:..."]
 * bench/chat/ConcurrentStreamsBench.java server/target/bharatbuild.jar 100 1000
 *
 * <p>With {@code -Dinstances=2} the round starts that many servers on one PostgreSQL schema
 * ({@code -DdatabaseUrl}, default the local {@code test} database) and one Redis ({@code
 * -DredisUrl}, default the local one), with HAProxy from Debian in front, round-robin, and sends
 * every request through it; CPU and RSS are then the servers' sums.
 *
 * <p>Each round starts the server from the jar's extracted layout, registers the accounts (one per
 * stream unless {@code -Daccounts} says otherwise) and one project per stream, runs the warm-up
 * rounds, then the measured one. Only completed replies count as completed.
 */
public class ConcurrentStreamsBench {

  /** Chunks per reply ({@code -Dchunks}); at 30 a second the default reply lasts two seconds. */
  static final int CHUNKS = Integer.getInteger("chunks", 60);
  /**
   * Seconds over which the streams are opened ({@code -Dramp}), evenly spaced; 0 opens them all at
   * once, the worst case for the first event.
   */
  static final double RAMP_SECONDS = Double.parseDouble(System.getProperty("ramp", "0"));
  static final long CHUNK_INTERVAL_NANOS = 1_000_000_000L / 30;
  static final Pattern SENT = Pattern.compile("t(\\d+)\\.");

  public static void main(String[] args) throws Exception {
    Path jar = extracted(Path.of(args[0]));
    try (FakeAnthropic fake = new FakeAnthropic()) {
      for (int i = 1; i < args.length; i++) {
        int streams = Integer.parseInt(args[i]);
        runRound(jar, fake, streams);
      }
    }
  }

  /**
   * The jar's extracted layout: the packed jar's nested-jar class loading is slow on a cold JVM and
   * can deadlock with virtual threads on two cores (spring-boot#51379).
   */
  static Path extracted(Path jar) throws Exception {
    Path dir = Files.createTempDirectory("bb-bench-jar");
    Process extract =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                dir.toString())
            .inheritIO()
            .start();
    if (extract.waitFor() != 0) {
      throw new IllegalStateException("could not extract " + jar);
    }
    return dir.resolve(jar.getFileName());
  }

  static void runRound(Path jar, FakeAnthropic fake, int streams) throws Exception {
    // one account per stream by default, so replies do not queue on one wallet row
    int accounts = Integer.getInteger("accounts", streams);
    int warmups = Integer.getInteger("warmups", 1);
    Path data = Files.createTempDirectory("bb-bench");
    int instances = Integer.getInteger("instances", 1);
    String schema = "bbbench_" + Long.toHexString(System.nanoTime());
    List<Process> servers = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    Process balancer = null;
    String base;
    try {
      for (int n = 0; n < instances; n++) {
        int port = freePort();
        servers.add(startServer(jar, fake, data.resolve("instance-" + n), port, streams,
            instances > 1 ? schema : null));
        ports.add(port);
        // one migration at a time: the next instance starts on a migrated schema
        awaitHealthy("http://127.0.0.1:" + port);
      }
      int port = ports.getFirst();
      if (instances > 1) {
        port = freePort();
        balancer = startBalancer(data, port, ports, streams);
      }
      base = "http://127.0.0.1:" + port;
      awaitHealthy(base);
      HttpClient http = HttpClient.newHttpClient();
      List<String> tokens = new ArrayList<>(Collections.nCopies(accounts, (String) null));
      List<String> projects = new ArrayList<>(Collections.nCopies(streams, (String) null));
      try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
        for (int a = 0; a < accounts; a++) {
          int account = a;
          setup.submit(
              () -> {
                tokens.set(
                    account,
                    field(
                        post(http, base + "/api/v1/auth/register",
                            "{\"email\":\"bench" + account + "-" + System.nanoTime()
                                + "@example.test\",\"password\":\"benchmark-pass\"}", null),
                        "accessToken"));
                return null;
              });
        }
      }
      try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < streams; i++) {
          int stream = i;
          setup.submit(
              () -> {
                projects.set(
                    stream,
                    field(post(http, base + "/api/v1/projects", "{\"name\":\"p" + stream + "\"}",
                        tokens.get(stream % accounts)), "id"));
                return null;
              });
        }
      }
      for (int w = 0; w < warmups; w++) {
        Result warm = measure(servers, port, tokens, projects);
        System.out.printf("%5d streams, warm-up %d: %s%n", streams, w + 1, warm);
      }
      String jfr = System.getProperty("jfr");
      if (jfr != null) {
        jcmd(servers.getFirst(), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
      }
      Result result = measure(servers, port, tokens, projects);
      if (jfr != null) {
        jcmd(servers.getFirst(), "JFR.stop", "name=bench");
      }
      System.out.printf(
          "%5d streams of %d chunks opened over %.1f s on %d accounts, %d instance(s)%s: %s%n",
          streams, CHUNKS, RAMP_SECONDS, accounts, instances, instances > 1 ? " behind HAProxy" : "", result);
      System.out.printf(
          "      server CPU per delivered chunk %.0f µs (start, chunks and end of each reply included)%n",
          result.cpuSeconds() * 1e6 / Math.max(1, result.chunks()));
    } finally {
      if (balancer != null) {
        balancer.destroy();
        balancer.waitFor();
      }
      for (Process server : servers) {
        server.destroy();
        server.waitFor();
      }
      if (instances > 1) {
        dropSchema(schema);
      }
    }
  }

  static Process startServer(
      Path jar, FakeAnthropic fake, Path data, int port, int streams, String schema)
      throws IOException {
    Files.createDirectories(data);
    List<String> command = new ArrayList<>();
    String cpus = System.getProperty("serverCpus");
    if (cpus != null) {
      // the server on cores of its own (run the benchmark itself under taskset on the others)
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx1g");
    String extra = System.getProperty("serverJvmArgs", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--bharatbuild.data-dir=" + data,
            "--bharatbuild.wallet.starting-grant=1000000000000",
            "--bharatbuild.chat.max-replies-per-user=1000000",
            "--bharatbuild.limits.requests-per-window=100000000",
            "--bharatbuild.execution.preview.port=0",
            "--server.tomcat.max-connections=20000",
            // a burst of connections must not overflow the listen backlog (a dropped SYN costs 1 s)
            "--server.tomcat.accept-count=" + Integer.getInteger("acceptCount", Math.max(100, streams)),
            "--spring.datasource.hikari.maximum-pool-size=20"));
    if (schema != null) {
      String jdbc = System.getProperty("databaseUrl", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
      command.addAll(
          List.of(
              "--spring.datasource.url=" + jdbc + "&currentSchema=" + schema,
              "--spring.flyway.schemas=" + schema,
              "--spring.flyway.create-schemas=true",
              "--bharatbuild.redis.url=" + System.getProperty("redisUrl", "redis://127.0.0.1:6379"),
              "--bharatbuild.auth.jwt-secret=bench-secret-bench-secret-bench-secret-0123456789"));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("server.log").toFile());
    builder.environment().put("ANTHROPIC_API_KEY", "bench");
    builder.environment().put("ANTHROPIC_BASE_URL", fake.baseUrl());
    builder.environment().put("LOG_FORMAT", "");
    return builder.start();
  }

  /** HAProxy in front of the instances: round-robin, no buffering, long-lived streams allowed. */
  static Process startBalancer(Path data, int port, List<Integer> backends, int streams)
      throws Exception {
    StringBuilder config = new StringBuilder();
    config.append("global\n  maxconn ").append(4 * streams + 1000).append("\n");
    config.append("defaults\n  mode http\n  timeout connect 5s\n  timeout client 10m\n");
    config.append("  timeout server 10m\n  maxconn ").append(4 * streams + 1000).append("\n");
    config.append("frontend chat\n  bind 127.0.0.1:").append(port).append("\n");
    config.append("  default_backend servers\n");
    config.append("backend servers\n  balance roundrobin\n");
    for (int i = 0; i < backends.size(); i++) {
      config.append("  server s").append(i).append(" 127.0.0.1:").append(backends.get(i)).append("\n");
    }
    Path file = data.resolve("haproxy.cfg");
    Files.writeString(file, config);
    Process haproxy =
        new ProcessBuilder("haproxy", "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("haproxy.log").toFile())
            .start();
    awaitHealthy("http://127.0.0.1:" + port);
    return haproxy;
  }

  static void dropSchema(String schema) throws Exception {
    new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc",
            "DROP SCHEMA IF EXISTS " + schema + " CASCADE")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor();
  }

  /** Profiles only the measured round when {@code -Djfr=file} is given. */
  static void jcmd(Process server, String... command) throws Exception {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(server.pid()));
    line.addAll(List.of(command));
    new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor();
  }

  record Result(
      double firstP50,
      double firstP99,
      double addedP50,
      double addedP99,
      int chunks,
      long peakRssKb,
      double cpuSeconds,
      double wallSeconds,
      double loadCpuSeconds,
      int completed) {
    @Override
    public String toString() {
      return String.format(
          "first event p50 %6.2f ms p99 %6.2f ms | added per chunk p50 %6.3f ms p99 %6.3f ms (%d chunks) | server RSS peak %d MiB | server CPU %.1f s over %.1f s wall | load generator and fake CPU %.1f s | completed %d",
          firstP50, firstP99, addedP50, addedP99, chunks, peakRssKb / 1024, cpuSeconds, wallSeconds, loadCpuSeconds, completed);
    }
  }

  /** One reply on every project at once; figures from request to the closing event of all. */
  static Result measure(List<Process> servers, int port, List<String> tokens, List<String> projects)
      throws Exception {
    int streams = projects.size();
    ConcurrentLinkedQueue<Long> firstEvent = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> added = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Boolean> completed = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(streams);
    long cpuBefore = cpuNanos(servers);
    long ownCpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    long peakRss = 0;
    long started = System.nanoTime();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < streams; i++) {
        String project = projects.get(i);
        String token = tokens.get(i % tokens.size());
        long startAt = started + (long) (RAMP_SECONDS * 1e9 * i / streams);
        clients.submit(
            () -> {
              try {
                long wait = startAt - System.nanoTime();
                if (wait > 0) {
                  Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (stream(port, token, project, firstEvent, added)) {
                  completed.add(true);
                }
              } catch (Exception e) {
                System.err.println("stream failed: " + e);
              } finally {
                done.countDown();
              }
            });
      }
      while (!done.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        long total = 0;
        for (Process server : servers) {
          total += rss(server.pid());
        }
        peakRss = Math.max(peakRss, total);
      }
    }
    long wall = System.nanoTime() - started;
    long cpu = cpuNanos(servers) - cpuBefore;
    long ownCpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - ownCpuBefore;
    return new Result(
        percentile(firstEvent, 50) / 1e6,
        percentile(firstEvent, 99) / 1e6,
        percentile(added, 50) / 1e6,
        percentile(added, 99) / 1e6,
        added.size(),
        peakRss,
        cpu / 1e9,
        wall / 1e9,
        ownCpu / 1e9,
        completed.size());
  }

  /** One reply over a raw socket: the request, then events until the closing one. */
  static boolean stream(
      int port, String token, String project, ConcurrentLinkedQueue<Long> firstEvent, ConcurrentLinkedQueue<Long> added)
      throws IOException {
    byte[] body =
        ("{\"projectId\":\"" + project + "\",\"message\":\"benchmark\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      long sent = System.nanoTime();
      out.write(
          ("POST /api/v1/chat/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      Lines in = new Lines(socket.getInputStream());
      boolean first = true;
      for (String line = in.next(); line != null; line = in.next()) {
        if (!line.startsWith("data: ")) {
          continue;
        }
        long now = System.nanoTime();
        if (first) {
          firstEvent.add(now - sent);
          first = false;
        }
        Matcher matcher = SENT.matcher(line);
        while (matcher.find()) {
          added.add(now - Long.parseLong(matcher.group(1)));
        }
        if (line.contains("\"type\":\"complete\"")) {
          return true;
        }
        if (line.contains("\"type\":\"error\"")) {
          System.err.println("reply failed: " + line);
          return false;
        }
      }
      // a refusal (an HTTP error) or a cut-off stream
      return false;
    }
  }

  /**
   * Lines of a response read a buffer at a time: a thousand clients reading byte by byte cost the
   * load generator more CPU than the server spent, on the same two cores.
   */
  static final class Lines {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int start;
    private int end;

    Lines(InputStream in) {
      this.in = in;
    }

    String next() throws IOException {
      line.reset();
      while (true) {
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            int length = i > start && buffer[i - 1] == '\r' ? i - start - 1 : i - start;
            line.write(buffer, start, length);
            start = i + 1;
            return line.toString(StandardCharsets.UTF_8);
          }
        }
        line.write(buffer, start, end - start);
        start = 0;
        end = in.read(buffer);
        if (end < 0) {
          end = 0;
          return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        bytes.write(c);
      }
    }
    return c < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
  }

  static double percentile(ConcurrentLinkedQueue<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static long cpuNanos(List<Process> servers) {
    long total = 0;
    for (Process server : servers) {
      total += server.info().totalCpuDuration().orElseThrow().toNanos();
    }
    return total;
  }

  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException ignored) {
      // process gone
    }
    return 0;
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
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

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Anthropic's Messages SSE format, 30 text deltas a second, each carrying its send time. */
  static final class FakeAnthropic implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    FakeAnthropic() throws IOException {
      server = new ServerSocket(0, 10_000, InetAddress.getLoopbackAddress());
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

    /**
     * Answers requests on one connection until the client closes it, each response chunked, so the
     * server's HTTP client keeps its connections as it would with the real API.
     */
    private void serve(Socket socket) {
      try (socket) {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
          String requestLine = line(in);
          if (requestLine == null || requestLine.isEmpty()) {
            return;
          }
          int length = 0;
          for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          in.readNBytes(length);
          answer(out);
        }
      } catch (IOException | InterruptedException ignored) {
        // client went away
      }
    }

    private static void answer(OutputStream out) throws IOException, InterruptedException {
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.UTF_8));
      frame(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"output_tokens\":1}}}");
      frame(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
      long next = System.nanoTime();
      for (int i = 0; i < CHUNKS; i++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        frame(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"t" + System.nanoTime() + ". \"}}");
        next += CHUNK_INTERVAL_NANOS;
      }
      frame(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
      frame(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + CHUNKS + "}}");
      frame(out, "message_stop", "{\"type\":\"message_stop\"}");
      out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** One SSE event as one HTTP chunk. */
    private static void frame(OutputStream out, String event, String data) throws IOException {
      String sse = "event: " + event + "\ndata: " + data + "\n\n";
      int length = sse.getBytes(StandardCharsets.UTF_8).length;
      out.write((Integer.toHexString(length) + "\r\n" + sse + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
      threads.shutdownNow();
    }
  }
}
