package com.bharatbuild.edits.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the operation markup of SPEC section 3 out of a model's answer while it streams, and
 * reports {@link StreamEvent}s. Chunks may split the answer anywhere, even inside a tag name; the
 * events are the same for any split (consecutive {@link StreamEvent.Text} events aside, which
 * together always carry the same text).
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Text outside operations is reported as soon as it arrives. Only what could still turn out
 *       to be an {@code <operation} tag, a code fence at the start of a line, or a run of backticks
 *       is held back until the next chunk decides it.
 *   <li>An operation starts with {@code <operation} followed by whitespace, {@code >} or {@code
 *       />}, with attributes {@code name="value"} or {@code name='value'} in any order (XML's five
 *       entities are decoded). Anything else starting with {@code <} ({@code <operations>}, {@code
 *       <div>}, {@code 1 < 2}) is text.
 *   <li>Markup inside a Markdown code fence (a line starting with three or more backticks or
 *       tildes, up to the matching closing fence) or inside an inline code span on one line is
 *       text: models show example markup there, and applying an example would change files nobody
 *       asked to change. The cost: an operation the model wrapped in a fence is shown, not applied.
 *   <li>Inside an operation, {@code <description>} ends at {@code </description>}, or at the next
 *       {@code <diff>}, {@code <content>} or {@code </operation>} when the model forgot to close
 *       it; its text is stripped and XML's five entities are decoded. Bodies are taken verbatim.
 *   <li>A {@code <diff>} or {@code <content>} body ends at its closing tag only when, after
 *       optional whitespace, {@code </operation>}, {@code <description>}, another body or the next
 *       {@code <operation} follows; so a file may itself contain {@code </content>} or {@code
 *       </operation>}. One newline right after the opening tag is not part of the body.
 *   <li>A {@code <operation} inside an operation, after its body has ended, closes it: the model
 *       forgot {@code </operation>}, but the body was complete.
 *   <li>Text inside an operation outside its elements is ignored.
 *   <li>At {@link #finish()}, an operation still open is reported as {@link
 *       StreamEvent.OperationTruncated}, never as closed.
 * </ul>
 *
 * <p>Not thread-safe: one parser per answer, fed from one thread at a time.
 */
public final class OperationStreamParser {

  private static final String OPEN = "<operation";
  private static final String CLOSE = "</operation>";
  private static final String DESCRIPTION = "<description>";
  private static final String DESCRIPTION_END = "</description>";
  private static final String DIFF = "<diff>";
  private static final String CONTENT = "<content>";
  private static final int MAX_TAG = 4096;
  private static final int NEED_MORE = -2;
  private static final int NOT_TAG = -1;
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([A-Za-z_:][-\\w:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  private enum State {
    TEXT,
    OPERATION,
    DESCRIPTION,
    BODY
  }

  private final Consumer<StreamEvent> events;
  private final StringBuilder buffer = new StringBuilder();
  private State state = State.TEXT;
  private boolean finished;
  private int operations;

  private boolean lineStart = true;
  private char fence;
  private int fenceLength;
  private int codeSpanTicks;

  private OperationHeader header;
  private String description = "";
  private Optional<String> diff = Optional.empty();
  private Optional<String> content = Optional.empty();
  private boolean bodyIsDiff;
  private int bodyScanFrom;

  /**
   * @param events receives every event, in order, on the thread that feeds; must not be null
   */
  public OperationStreamParser(Consumer<StreamEvent> events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Reads the next piece of the answer.
   *
   * @param chunk any piece, possibly empty; must not be null
   * @throws IllegalStateException after {@link #finish()}
   */
  public void feed(CharSequence chunk) {
    Objects.requireNonNull(chunk, "chunk");
    if (finished) {
      throw new IllegalStateException("The answer was already finished");
    }
    buffer.append(chunk);
    boolean progress = true;
    while (progress) {
      progress =
          switch (state) {
            case TEXT -> readText();
            case OPERATION -> readBetweenElements();
            case DESCRIPTION -> readDescription();
            case BODY -> readBody();
          };
    }
  }

  /**
   * The answer is complete: held-back text is reported as text, and an open operation as truncated.
   * Calling it again does nothing.
   */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (state == State.TEXT) {
      emitText(buffer.length());
    } else {
      String where =
          switch (state) {
            case DESCRIPTION -> "inside its <description>";
            case BODY -> bodyIsDiff ? "inside its <diff>" : "inside its <content>";
            default -> "before its </operation>";
          };
      events.accept(
          new StreamEvent.OperationTruncated(
              header, "The answer ended " + where + ", so the operation was not applied"));
    }
    buffer.setLength(0);
  }

  /** Reports text up to a possible tag, fence or backtick run; true when an operation opened. */
  private boolean readText() {
    int i = 0;
    while (i < buffer.length()) {
      char c = buffer.charAt(i);
      if (lineStart) {
        int afterFence = fenceAt(i);
        if (afterFence == NEED_MORE) {
          emitText(i);
          return false;
        }
        lineStart = false;
        if (afterFence >= 0) {
          i = afterFence;
          continue;
        }
      }
      if (c == '\n') {
        lineStart = true;
        codeSpanTicks = 0;
      } else if (fence == 0 && c == '`') {
        int run = runLength(i, '`');
        if (i + run == buffer.length()) {
          emitText(i);
          return false;
        }
        codeSpanTicks = codeSpanTicks == 0 ? run : run == codeSpanTicks ? 0 : codeSpanTicks;
        i += run;
        continue;
      } else if (fence == 0 && codeSpanTicks == 0 && c == '<') {
        int end = openTagEnd(i);
        if (end == NEED_MORE) {
          emitText(i);
          return false;
        }
        if (end >= 0) {
          emitText(i);
          String tag = buffer.substring(0, end - i);
          buffer.delete(0, end - i);
          open(tag);
          return true;
        }
      }
      i++;
    }
    emitText(buffer.length());
    return false;
  }

  /**
   * At a line start: the index after a fence's backticks or tildes when a fence opens or closes
   * here (and toggles the fence), {@link #NOT_TAG} when no fence starts here, {@link #NEED_MORE}
   * when the input ends before that is known.
   */
  private int fenceAt(int i) {
    int j = i;
    while (j < buffer.length() && j - i < 3 && buffer.charAt(j) == ' ') {
      j++;
    }
    if (j == buffer.length()) {
      return NEED_MORE;
    }
    char marker = buffer.charAt(j);
    if (marker != '`' && marker != '~') {
      return NOT_TAG;
    }
    int run = runLength(j, marker);
    if (j + run == buffer.length()) {
      return NEED_MORE;
    }
    if (run < 3) {
      return NOT_TAG;
    }
    if (fence == 0) {
      fence = marker;
      fenceLength = run;
    } else if (marker == fence && run >= fenceLength) {
      fence = 0;
    } else {
      return NOT_TAG;
    }
    return j + run;
  }

  private int runLength(int from, char c) {
    int j = from;
    while (j < buffer.length() && buffer.charAt(j) == c) {
      j++;
    }
    return j - from;
  }

  /**
   * The index just after an {@code <operation ...>} tag starting at {@code i}, {@link #NOT_TAG}
   * when the text there cannot be one, {@link #NEED_MORE} when it still could be.
   */
  private int openTagEnd(int i) {
    int length = buffer.length();
    for (int k = 0; k < OPEN.length(); k++) {
      if (i + k >= length) {
        return NEED_MORE;
      }
      if (buffer.charAt(i + k) != OPEN.charAt(k)) {
        return NOT_TAG;
      }
    }
    int j = i + OPEN.length();
    boolean spaced = false;
    while (j - i <= MAX_TAG) {
      if (j >= length) {
        return NEED_MORE;
      }
      char c = buffer.charAt(j);
      if (c == '>') {
        return j + 1;
      }
      if (c == '/') {
        if (j + 1 >= length) {
          return NEED_MORE;
        }
        return buffer.charAt(j + 1) == '>' ? j + 2 : NOT_TAG;
      }
      if (Character.isWhitespace(c)) {
        spaced = true;
        j++;
        continue;
      }
      if (!spaced || !(Character.isLetter(c) || c == '_' || c == ':')) {
        return NOT_TAG;
      }
      while (j < length && isNameChar(buffer.charAt(j))) {
        j++;
      }
      while (j < length && Character.isWhitespace(buffer.charAt(j))) {
        j++;
      }
      if (j >= length) {
        return NEED_MORE;
      }
      if (buffer.charAt(j++) != '=') {
        return NOT_TAG;
      }
      while (j < length && Character.isWhitespace(buffer.charAt(j))) {
        j++;
      }
      if (j >= length) {
        return NEED_MORE;
      }
      char quote = buffer.charAt(j);
      if (quote != '"' && quote != '\'') {
        return NOT_TAG;
      }
      int close = buffer.indexOf(String.valueOf(quote), j + 1);
      if (close < 0) {
        return length - i > MAX_TAG ? NOT_TAG : NEED_MORE;
      }
      j = close + 1;
      spaced = false;
    }
    return NOT_TAG;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
  }

  private void open(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(tag);
    while (matcher.find()) {
      String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      attributes.putIfAbsent(matcher.group(1), decodeEntities(value));
    }
    header =
        new OperationHeader(
            operations++,
            attributes.getOrDefault("type", ""),
            attributes.getOrDefault("path", ""),
            Optional.ofNullable(attributes.get("to")));
    description = "";
    diff = Optional.empty();
    content = Optional.empty();
    events.accept(new StreamEvent.OperationOpened(header));
    if (tag.endsWith("/>")) {
      close();
    } else {
      state = State.OPERATION;
    }
  }

  private static String decodeEntities(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    return value
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** Between an operation's elements: finds the next element; true when one was entered. */
  private boolean readBetweenElements() {
    int j = 0;
    while (j < buffer.length() && buffer.charAt(j) != '<') {
      j++;
    }
    buffer.delete(0, j);
    if (buffer.isEmpty()) {
      return false;
    }
    for (String tag : List.of(DESCRIPTION, DIFF, CONTENT, CLOSE, OPEN)) {
      int matched = matchAt(tag);
      if (matched == NEED_MORE) {
        return false;
      }
      if (matched < 0) {
        continue;
      }
      switch (tag) {
        case DESCRIPTION -> {
          buffer.delete(0, tag.length());
          state = State.DESCRIPTION;
        }
        case DIFF, CONTENT -> {
          buffer.delete(0, tag.length());
          bodyIsDiff = tag.equals(DIFF);
          bodyScanFrom = 0;
          state = State.BODY;
        }
        case CLOSE -> {
          buffer.delete(0, tag.length());
          close();
        }
        default -> close();
      }
      return true;
    }
    buffer.deleteCharAt(0);
    return true;
  }

  /**
   * Whether {@code tag} starts the buffer: its length when it does ({@link #OPEN} must be followed
   * by whitespace or {@code >}), {@link #NOT_TAG} when it does not, {@link #NEED_MORE} when the
   * buffer is too short to tell.
   */
  private int matchAt(String tag) {
    int length = Math.min(buffer.length(), tag.length());
    if (!tag.startsWith(buffer.substring(0, length))) {
      return NOT_TAG;
    }
    if (buffer.length() < tag.length() + (tag.equals(OPEN) ? 1 : 0)) {
      return NEED_MORE;
    }
    if (tag.equals(OPEN)) {
      char after = buffer.charAt(tag.length());
      return Character.isWhitespace(after) || after == '>' ? tag.length() : NOT_TAG;
    }
    return tag.length();
  }

  private boolean readDescription() {
    int end = -1;
    String found = null;
    for (String tag : List.of(DESCRIPTION_END, DIFF, CONTENT, CLOSE)) {
      int at = buffer.indexOf(tag);
      if (at >= 0 && (end < 0 || at < end)) {
        end = at;
        found = tag;
      }
    }
    if (found == null) {
      return false;
    }
    description = decodeEntities(buffer.substring(0, end).strip());
    buffer.delete(0, found.equals(DESCRIPTION_END) ? end + found.length() : end);
    events.accept(new StreamEvent.OperationDescribed(header, description));
    state = State.OPERATION;
    return true;
  }

  /** Inside a body: finds the closing tag that really ends it; true when the body ended. */
  private boolean readBody() {
    String closeTag = bodyIsDiff ? "</diff>" : "</content>";
    int from = bodyScanFrom;
    while (true) {
      int at = buffer.indexOf(closeTag, from);
      if (at < 0) {
        bodyScanFrom = Math.max(0, buffer.length() - closeTag.length() + 1);
        return false;
      }
      int next = at + closeTag.length();
      while (next < buffer.length() && Character.isWhitespace(buffer.charAt(next))) {
        next++;
      }
      String follower = null;
      for (String tag : List.of(CLOSE, DESCRIPTION, DIFF, CONTENT, OPEN)) {
        int available = Math.min(buffer.length() - next, tag.length());
        if (regionMatches(next, tag, available)) {
          if (available < tag.length()) {
            bodyScanFrom = at;
            return false;
          }
          follower = tag;
          break;
        }
      }
      if (follower == null) {
        from = at + 1;
        continue;
      }
      String body = withoutLeadingNewline(buffer.substring(0, at));
      if (bodyIsDiff) {
        diff = Optional.of(body);
      } else {
        content = Optional.of(body);
      }
      switch (follower) {
        case CLOSE -> {
          buffer.delete(0, next + CLOSE.length());
          close();
        }
        case OPEN -> {
          buffer.delete(0, next);
          close();
        }
        default -> {
          buffer.delete(0, at + closeTag.length());
          state = State.OPERATION;
        }
      }
      return true;
    }
  }

  private boolean regionMatches(int from, String tag, int count) {
    for (int k = 0; k < count; k++) {
      if (buffer.charAt(from + k) != tag.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** One newline right after the opening tag is not part of the body (SPEC section 3). */
  private static String withoutLeadingNewline(String body) {
    if (body.startsWith("\r\n")) {
      return body.substring(2);
    }
    return body.startsWith("\n") ? body.substring(1) : body;
  }

  private void close() {
    events.accept(
        new StreamEvent.OperationClosed(new Operation(header, description, diff, content)));
    header = null;
    state = State.TEXT;
    lineStart = false;
  }

  private void emitText(int end) {
    if (end > 0) {
      events.accept(new StreamEvent.Text(buffer.substring(0, end)));
      buffer.delete(0, end);
    }
  }
}
