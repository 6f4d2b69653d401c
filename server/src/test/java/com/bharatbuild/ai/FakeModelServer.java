package com.bharatbuild.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local HTTP server that answers model calls with scripted responses in a provider's exact
 * streaming wire format: status codes, SSE frames with delays, and connections dropped mid-answer.
 * It records each request body and whether the client went away while it was still sending.
 */
public final class FakeModelServer implements AutoCloseable {

  /** One step of a scripted reply. */
  public sealed interface Step {}

  /** Answer a non-streaming status with a JSON body, ending the exchange. */
  public record Status(int code, String json) implements Step {}

  /** Send one SSE frame (an {@code event:} line only when the name is not null). */
  public record Frame(String event, String data) implements Step {}

  public record Pause(Duration duration) implements Step {}

  /** Close the socket without finishing the response. */
  public record Drop() implements Step {}

  private final ServerSocket server;
  private final ConcurrentLinkedQueue<List<Step>> scripts = new ConcurrentLinkedQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final Thread acceptor;

  /** A fake for a test class's static field: started at once, a failure to bind unchecked. */
  public static FakeModelServer started() {
    try {
      return new FakeModelServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the server under test call this fake as Claude, answering as {@code model}. */
  public void serveAsAnthropic(DynamicPropertyRegistry registry, String model) {
    registry.add("bharatbuild.ai.anthropic.api-key", () -> "test-key");
    registry.add("bharatbuild.ai.anthropic.base-url", this::baseUrl);
    registry.add("bharatbuild.ai.anthropic.model", () -> model);
    registry.add("bharatbuild.ai.anthropic.max-output-tokens", () -> "2000");
  }

  public FakeModelServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(this::acceptLoop);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Queues the reply to the next request; requests past the queue get a 500. */
  public FakeModelServer enqueue(List<Step> steps) {
    scripts.add(List.copyOf(steps));
    return this;
  }

  public List<String> requests() {
    return requests;
  }

  /** Waits until a client closed its connection while a reply was still being sent. */
  public boolean awaitClientGone(Duration timeout) throws InterruptedException {
    return clientGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int length = 0;
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      requests.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      List<Step> steps = scripts.poll();
      if (steps == null) {
        steps = List.of(new Status(500, "{\"error\":\"no scripted reply\"}"));
      }
      OutputStream out = socket.getOutputStream();
      if (steps.getFirst() instanceof Status status) {
        byte[] body = status.json().getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 "
                    + status.code()
                    + " Scripted\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
        return;
      }
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        for (Step step : steps) {
          switch (step) {
            case Frame frame -> {
              StringBuilder text = new StringBuilder();
              if (frame.event() != null) {
                text.append("event: ").append(frame.event()).append('\n');
              }
              text.append("data: ").append(frame.data()).append("\n\n");
              byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
              out.write(
                  (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              out.write(bytes);
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
            }
            case Pause pause -> sleep(pause.duration());
            case Drop drop -> {
              // reset the connection mid-body: no terminating chunk ever arrives
              socket.setSoLinger(true, 0);
              return;
            }
            case Status status -> throw new IllegalStateException("a status must come first");
          }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // a client that stops reading early closes its end; notice it
        if (in.read() < 0) {
          return;
        }
      } catch (IOException clientClosed) {
        clientGone.countDown();
      }
    } catch (IOException ignored) {
      // the test that provoked it asserts what it expects
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ready-made replies in Anthropic's Messages SSE format. */
  public static final class Anthropic {
    private Anthropic() {}

    public static Frame messageStart(long input, long cacheCreation, long cacheRead) {
      return new Frame(
          "message_start",
          """
          {"type":"message_start","message":{"id":"msg_fake","type":"message","role":"assistant",\
          "model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,\
          "usage":{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,\
          "output_tokens":1}}}"""
              .formatted(input, cacheCreation, cacheRead));
    }

    public static Frame blockStart(int index, String type) {
      String block =
          type.equals("thinking")
              ? "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}"
              : "{\"type\":\"text\",\"text\":\"\"}";
      return new Frame(
          "content_block_start",
          "{\"type\":\"content_block_start\",\"index\":"
              + index
              + ",\"content_block\":"
              + block
              + "}");
    }

    public static Frame text(int index, String text) {
      return new Frame(
          "content_block_delta",
          "{\"type\":\"content_block_delta\",\"index\":"
              + index
              + ",\"delta\":{\"type\":\"text_delta\",\"text\":"
              + quote(text)
              + "}}");
    }

    public static Frame thinking(int index, String text) {
      return new Frame(
          "content_block_delta",
          "{\"type\":\"content_block_delta\",\"index\":"
              + index
              + ",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":"
              + quote(text)
              + "}}");
    }

    public static Frame blockStop(int index) {
      return new Frame(
          "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    public static Frame ping() {
      return new Frame("ping", "{\"type\": \"ping\"}");
    }

    public static Frame messageDelta(String stopReason, long outputTokens) {
      return new Frame(
          "message_delta",
          "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
              + stopReason
              + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
              + outputTokens
              + "}}");
    }

    public static Frame messageStop() {
      return new Frame("message_stop", "{\"type\":\"message_stop\"}");
    }

    public static Frame error(String type, String message) {
      return new Frame(
          "error",
          "{\"type\":\"error\",\"error\":{\"type\":\""
              + type
              + "\",\"message\":\""
              + message
              + "\"}}");
    }

    public static Status overloaded() {
      return new Status(
          529,
          "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    }

    /** A whole answer: text split into the given pieces, then the usage. */
    public static List<Step> answer(long input, long output, String... pieces) {
      List<Step> steps = new ArrayList<>();
      steps.add(messageStart(input, 0, 0));
      steps.add(blockStart(0, "text"));
      steps.add(ping());
      for (String piece : pieces) {
        steps.add(text(0, piece));
      }
      steps.add(blockStop(0));
      steps.add(messageDelta("end_turn", output));
      steps.add(messageStop());
      return steps;
    }

    /**
     * {@code words} times "word ", one delta each, {@code pause} apart: a reply that takes a while,
     * with 25 input tokens and one output token per word.
     */
    public static List<Step> slowAnswer(int words, Duration pause) {
      List<Step> steps = new ArrayList<>();
      steps.add(messageStart(25, 0, 0));
      steps.add(blockStart(0, "text"));
      for (int i = 0; i < words; i++) {
        steps.add(text(0, "word "));
        steps.add(new Pause(pause));
      }
      steps.add(messageDelta("end_turn", words));
      steps.add(messageStop());
      return steps;
    }
  }

  /** Ready-made replies in OpenAI's chat-completions SSE format. */
  public static final class OpenAi {
    private OpenAi() {}

    private static final String HEAD =
        "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4.1\",";

    public static Frame content(String text) {
      return new Frame(
          null,
          HEAD
              + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
              + quote(text)
              + "},\"finish_reason\":null}]}");
    }

    public static Frame role() {
      return new Frame(
          null,
          HEAD
              + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
    }

    public static Frame finish(String reason) {
      return new Frame(
          null,
          HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}");
    }

    public static Frame usage(long prompt, long completion, long cached) {
      return new Frame(
          null,
          HEAD
              + "\"choices\":[],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,\"total_tokens\":%d,\"prompt_tokens_details\":{\"cached_tokens\":%d}}}"
                  .formatted(prompt, completion, prompt + completion, cached));
    }

    public static Frame done() {
      return new Frame(null, "[DONE]");
    }

    public static Status status(int code) {
      return new Status(
          code,
          "{\"error\":{\"message\":\"fake failure "
              + code
              + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    public static List<Step> answer(long prompt, long completion, String... pieces) {
      List<Step> steps = new ArrayList<>();
      steps.add(role());
      for (String piece : pieces) {
        steps.add(content(piece));
      }
      steps.add(finish("stop"));
      steps.add(usage(prompt, completion, 0));
      steps.add(done());
      return steps;
    }
  }

  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
  }
}
