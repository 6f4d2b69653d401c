package com.bharatbuild.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the operation markup of SPEC section 3 out of a model's answer as it streams. Chunks may
 * split anything anywhere, even a tag name; the parser holds back only what could still be the
 * start of an {@code <operation} tag. Markup inside a fenced code block is text (models show
 * examples), attributes may come in any order with either quote, and an operation still open at the
 * end is reported as truncated. Work is linear in the length of the answer.
 */
final class OperationMarkupParser {

  /** An operation's opening tag. */
  record Opened(int index, String type, String path, @Nullable String to) {}

  /**
   * A complete operation.
   *
   * @param bodyKind {@code diff}, {@code content} or null when the operation carries neither
   */
  record Closed(
      Opened opened, String description, @Nullable String bodyKind, @Nullable String body) {}

  interface Listener {
    void onText(String text);

    void onOpened(Opened operation);

    void onClosed(Closed operation);

    /** The answer ended inside this operation; it must not be applied. */
    void onTruncated(Opened operation);
  }

  private static final String OPEN = "<operation";
  private static final String CLOSE = "</operation>";
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([A-Za-z_][\\w-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  private final Listener listener;
  private final StringBuilder buffer = new StringBuilder();
  // text state: whether the next character starts a line, and whether we are inside a ``` fence
  private boolean lineStart = true;
  private boolean inFence;
  private @Nullable Opened current;
  private int scanFrom;
  private int count;

  OperationMarkupParser(Listener listener) {
    this(listener, 0);
  }

  /** A parser whose operations are numbered from {@code firstIndex}. */
  OperationMarkupParser(Listener listener, int firstIndex) {
    this.listener = listener;
    this.count = firstIndex;
  }

  void feed(String chunk) {
    buffer.append(chunk);
    drain(false);
  }

  /** The answer is complete: flush held-back text, report an unfinished operation. */
  void end() {
    drain(true);
    if (current != null) {
      listener.onTruncated(current);
      current = null;
      buffer.setLength(0);
    } else if (!buffer.isEmpty()) {
      emitText(buffer.toString());
      buffer.setLength(0);
    }
  }

  private void drain(boolean atEnd) {
    while (true) {
      if (current != null) {
        if (!closeOperation()) {
          return;
        }
        continue;
      }
      int decided = textUntilPossibleTag(atEnd);
      if (decided < 0) {
        return;
      }
    }
  }

  /**
   * Emits text up to a possible opening tag.
   *
   * @return -1 when it needs more input, else 0 after opening an operation
   */
  private int textUntilPossibleTag(boolean atEnd) {
    int i = 0;
    int length = buffer.length();
    while (i < length) {
      char c = buffer.charAt(i);
      if (lineStart) {
        int fence = fenceAt(i);
        if (fence == -2 && !atEnd) {
          // a line start that might become ``` : wait for the characters that decide it
          flushText(i);
          return -1;
        }
        if (fence >= 0) {
          inFence = !inFence;
        }
      }
      if (c == '<' && !inFence) {
        int end = openTagEnd(i);
        if (end == -2) {
          if (atEnd) {
            i++;
            lineStart = false;
            continue;
          }
          flushText(i);
          return -1;
        }
        if (end >= 0) {
          String tag = buffer.substring(i, end + 1);
          flushText(i);
          buffer.delete(0, end + 1 - i);
          open(tag);
          return 0;
        }
      }
      lineStart = c == '\n';
      i++;
    }
    flushText(length);
    return -1;
  }

  /**
   * Whether a fence starts at {@code i}: its index when it does, -1 when it does not, -2 when the
   * input ends before that is known.
   */
  private int fenceAt(int i) {
    int j = i;
    int spaces = 0;
    while (j < buffer.length() && buffer.charAt(j) == ' ' && spaces < 3) {
      j++;
      spaces++;
    }
    for (int k = 0; k < 3; k++) {
      if (j + k >= buffer.length()) {
        return -2;
      }
      if (buffer.charAt(j + k) != '`') {
        return -1;
      }
    }
    return j;
  }

  /**
   * Where the opening tag that starts at {@code i} ends: the index of its {@code >}, -1 when this
   * is not an operation tag, -2 when more input is needed to tell.
   */
  private int openTagEnd(int i) {
    int available = buffer.length() - i;
    int compare = Math.min(available, OPEN.length());
    if (!buffer.substring(i, i + compare).equals(OPEN.substring(0, compare))) {
      return -1;
    }
    if (available <= OPEN.length()) {
      return -2;
    }
    char after = buffer.charAt(i + OPEN.length());
    if (!Character.isWhitespace(after) && after != '>') {
      return -1;
    }
    char quote = 0;
    for (int j = i + OPEN.length(); j < buffer.length(); j++) {
      char c = buffer.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return j;
      } else if (c == '\n' && j - i > 2000) {
        return -1;
      }
    }
    return -2;
  }

  private void open(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(tag);
    while (matcher.find()) {
      attributes.put(
          matcher.group(1).toLowerCase(java.util.Locale.ROOT),
          matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
    }
    current =
        new Opened(
            count++,
            attributes.getOrDefault("type", ""),
            attributes.getOrDefault("path", ""),
            attributes.get("to"));
    scanFrom = 0;
    listener.onOpened(current);
  }

  /** Looks for the end of the current operation; true when it closed. */
  private boolean closeOperation() {
    int bodyEnd = findClose();
    if (bodyEnd < 0) {
      return false;
    }
    String inner = buffer.substring(0, bodyEnd);
    buffer.delete(0, bodyEnd + CLOSE.length());
    Opened opened = current;
    current = null;
    lineStart = false;
    listener.onClosed(parseBody(opened, inner));
    return true;
  }

  /**
   * The index of the {@code </operation>} that closes the current operation. A closing tag inside
   * an unfinished {@code <content>} or {@code <diff>} does not count: file content may mention it.
   */
  private int findClose() {
    int from = Math.max(0, scanFrom - CLOSE.length());
    while (true) {
      int close = buffer.indexOf(CLOSE, from);
      if (close < 0) {
        scanFrom = buffer.length();
        return -1;
      }
      if (!insideOpenBody(close)) {
        return close;
      }
      from = close + 1;
    }
  }

  private boolean insideOpenBody(int index) {
    for (String kind : new String[] {"content", "diff"}) {
      int open = buffer.indexOf("<" + kind + ">");
      if (open >= 0 && open < index) {
        int close = buffer.indexOf("</" + kind + ">", open);
        if (close < 0 || close > index) {
          return true;
        }
      }
    }
    return false;
  }

  private static Closed parseBody(Opened opened, String inner) {
    String description = section(inner, "description");
    String diff = section(inner, "diff");
    String content = section(inner, "content");
    if (diff != null) {
      return new Closed(opened, description == null ? "" : description.strip(), "diff", body(diff));
    }
    if (content != null) {
      return new Closed(
          opened, description == null ? "" : description.strip(), "content", body(content));
    }
    return new Closed(opened, description == null ? "" : description.strip(), null, null);
  }

  private static @Nullable String section(String inner, String name) {
    int open = inner.indexOf("<" + name + ">");
    if (open < 0) {
      return null;
    }
    int start = open + name.length() + 2;
    int close = inner.lastIndexOf("</" + name + ">");
    return close < start ? inner.substring(start) : inner.substring(start, close);
  }

  /** One newline right after the opening tag is not part of the body (SPEC section 3). */
  private static String body(String raw) {
    if (raw.startsWith("\r\n")) {
      return raw.substring(2);
    }
    return raw.startsWith("\n") ? raw.substring(1) : raw;
  }

  private void flushText(int upTo) {
    if (upTo > 0) {
      emitText(buffer.substring(0, upTo));
      buffer.delete(0, upTo);
    }
  }

  private void emitText(String text) {
    if (!text.isEmpty()) {
      listener.onText(text);
    }
  }
}
