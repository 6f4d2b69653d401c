package com.bharatbuild.ai;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the events of Anthropic's Messages stream: text and thinking deltas go to the listener;
 * input tokens come with message_start and cumulative output tokens with each message_delta.
 *
 * <p>Events are told apart by their SSE name, so the ones we do not use (ping, content block start
 * and stop, and any Anthropic adds) are never parsed; the rest are read with a streaming parser
 * that takes only the fields we use, in whatever order they come, and skips everything else.
 */
final class AnthropicEventReader implements ServerSentEvents.Listener, StreamedCall.Reader {

  private static final JsonFactory JSON = new JsonFactory();

  private final CompletionListener listener;
  private long input;
  private long output;
  private long cacheCreation;
  private long cacheRead;
  private boolean stopped;
  private CompletionResult.StopReason stop = CompletionResult.StopReason.END;

  AnthropicEventReader(CompletionListener listener) {
    this.listener = listener;
  }

  @Override
  public void onEvent(String type, byte[] data, int offset, int length) {
    switch (type) {
      case "message_start", "content_block_delta", "message_delta" ->
          read(type, data, offset, length);
      case "message_stop" -> stopped = true;
      case "error" -> throw streamError(data, offset, length);
      default -> {
        // ping, content_block_start, content_block_stop and events we do not use
      }
    }
  }

  private void read(String type, byte[] data, int offset, int length) {
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), data, offset, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new StreamReadException(json, "expected a JSON object");
      }
      switch (type) {
        case "message_start" -> messageStart(json);
        case "content_block_delta" -> contentBlockDelta(json);
        default -> messageDelta(json);
      }
    } catch (JacksonException e) {
      throw new ModelCallFailed(
          "provider_error",
          "Anthropic sent a " + type + " event that could not be read: " + e.getOriginalMessage(),
          false,
          usage(),
          e);
    }
  }

  private void messageStart(JsonParser json) {
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      json.nextToken();
      if (name.equals("message") && isObject(json)) {
        for (String field = json.nextName(); field != null; field = json.nextName()) {
          json.nextToken();
          if (field.equals("usage") && isObject(json)) {
            usage(json);
          } else {
            json.skipChildren();
          }
        }
      } else {
        json.skipChildren();
      }
    }
    endOfEvent(json);
  }

  private void contentBlockDelta(JsonParser json) {
    String deltaType = null;
    String text = null;
    String thinking = null;
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      json.nextToken();
      if (name.equals("delta") && isObject(json)) {
        for (String field = json.nextName(); field != null; field = json.nextName()) {
          json.nextToken();
          switch (field) {
            case "type" -> deltaType = string(json);
            case "text" -> text = string(json);
            case "thinking" -> thinking = string(json);
            default -> json.skipChildren();
          }
        }
      } else {
        json.skipChildren();
      }
    }
    endOfEvent(json);
    // signature, tool-input and citation deltas carry nothing we show
    if ("text_delta".equals(deltaType) && text != null) {
      listener.onText(text);
    } else if ("thinking_delta".equals(deltaType) && thinking != null) {
      listener.onThinking(thinking);
    }
  }

  private void messageDelta(JsonParser json) {
    String stopReason = null;
    for (String name = json.nextName(); name != null; name = json.nextName()) {
      json.nextToken();
      if (name.equals("delta") && isObject(json)) {
        for (String field = json.nextName(); field != null; field = json.nextName()) {
          json.nextToken();
          if (field.equals("stop_reason")) {
            stopReason = string(json);
          } else {
            json.skipChildren();
          }
        }
      } else if (name.equals("usage") && isObject(json)) {
        usage(json);
      } else {
        json.skipChildren();
      }
    }
    endOfEvent(json);
    if ("max_tokens".equals(stopReason)) {
      stop = CompletionResult.StopReason.MAX_TOKENS;
    }
  }

  /** Takes the counts a usage object reports; a count that is absent or null keeps its value. */
  private void usage(JsonParser json) {
    for (String field = json.nextName(); field != null; field = json.nextName()) {
      json.nextToken();
      switch (field) {
        case "input_tokens" -> input = count(json, input);
        case "output_tokens" -> output = count(json, output);
        case "cache_creation_input_tokens" -> cacheCreation = count(json, cacheCreation);
        case "cache_read_input_tokens" -> cacheRead = count(json, cacheRead);
        default -> json.skipChildren();
      }
    }
  }

  private ModelCallFailed streamError(byte[] data, int offset, int length) {
    String type = null;
    String message = null;
    try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), data, offset, length)) {
      if (json.nextToken() == JsonToken.START_OBJECT) {
        for (String name = json.nextName(); name != null; name = json.nextName()) {
          json.nextToken();
          if (name.equals("error") && isObject(json)) {
            for (String field = json.nextName(); field != null; field = json.nextName()) {
              json.nextToken();
              switch (field) {
                case "type" -> type = string(json);
                case "message" -> message = string(json);
                default -> json.skipChildren();
              }
            }
          } else {
            json.skipChildren();
          }
        }
      }
    } catch (JacksonException unreadable) {
      // the stream failed all the same; say so with whatever was read
    }
    return new ModelCallFailed(
        "stream_error",
        "Anthropic ended the stream with an error: "
            + (type == null ? "unknown_error" : type)
            + ": "
            + (message == null ? "no description" : message),
        true,
        usage(),
        null);
  }

  /** Checks that nothing follows the event's object, before the event takes effect. */
  private static void endOfEvent(JsonParser json) {
    if (json.nextToken() != null) {
      throw new StreamReadException(json, "unexpected content after the event's object");
    }
  }

  /** Whether the current value is an object to read; null is an absent one. */
  private static boolean isObject(JsonParser json) {
    return switch (json.currentToken()) {
      case START_OBJECT -> true;
      case VALUE_NULL -> false;
      default -> throw new StreamReadException(json, "expected an object");
    };
  }

  private static String string(JsonParser json) {
    return switch (json.currentToken()) {
      case VALUE_STRING -> json.getString();
      case VALUE_NULL -> null;
      default -> throw new StreamReadException(json, "expected a string");
    };
  }

  private static long count(JsonParser json, long absent) {
    return switch (json.currentToken()) {
      case VALUE_NUMBER_INT -> json.getLongValue();
      case VALUE_NULL -> absent;
      default -> throw new StreamReadException(json, "expected a whole number");
    };
  }

  @Override
  public boolean finished() {
    return stopped;
  }

  @Override
  public TokenUsage usage() {
    return new TokenUsage(input, output, cacheCreation, cacheRead);
  }

  @Override
  public CompletionResult.StopReason stopReason() {
    return stop;
  }
}
