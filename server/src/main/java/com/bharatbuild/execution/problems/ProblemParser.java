package com.bharatbuild.execution.problems;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a command's output line by line as it runs and collects the problems tools report: tsc,
 * ESLint, Vite and esbuild, webpack, javac and Maven, Python tracebacks and Node stack traces.
 * Paths are made relative to the project; problems in files outside it (dependencies, the runtime)
 * are dropped, except that a stack trace is reported at its innermost frame inside the project. It
 * never throws and keeps only a few lines of state, however long the output.
 */
public final class ProblemParser {

  private static final int MAX_PROBLEMS = 500;
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
  private static final Pattern TSC =
      Pattern.compile("^(\\S[^()]*?)\\((\\d+),(\\d+)\\): (error|warning) (TS\\d+: .*)$");
  private static final Pattern TSC_PRETTY =
      Pattern.compile("^(\\S+?):(\\d+):(\\d+) - (error|warning) (TS\\d+: .*)$");
  private static final Pattern ESLINT_FILE = Pattern.compile("^(/\\S+|[A-Za-z]:\\\\\\S+)$");
  private static final Pattern ESLINT_ROW =
      Pattern.compile("^\\s+(\\d+):(\\d+)\\s+(error|warning)\\s+(.+?)\\s{2,}(\\S+)\\s*$");
  private static final Pattern ESBUILD_ERROR =
      Pattern.compile("^[✘X✖]\\s*\\[(ERROR|WARNING)] (.+)$");
  private static final Pattern ESBUILD_LOCATION =
      Pattern.compile("^\\s+(\\S+?):(\\d+):(\\d+):\\s*$");
  private static final Pattern ESBUILD_INLINE =
      Pattern.compile("^(\\S+?):(\\d+):(\\d+): (ERROR|WARNING): (.+)$");
  private static final Pattern VITE =
      Pattern.compile(
          "^(?:\\[vite] Internal server error: |\\[plugin:[^\\]]+] |Error: )?(/\\S+?): (.+?) \\((\\d+):(\\d+)\\)\\s*$");
  private static final Pattern VITE_FILE = Pattern.compile("^\\s*File: (/\\S+?):(\\d+):(\\d+)");
  private static final Pattern WEBPACK =
      Pattern.compile("^(ERROR|WARNING) in (\\S+?)(?: (\\d+):(\\d+)(?:-\\d+)?)?\\s*$");
  private static final Pattern MAVEN =
      Pattern.compile("^\\[(ERROR|WARNING)] (\\S+?\\.(?:java|kt|scala)):\\[(\\d+),(\\d+)] (.+)$");
  private static final Pattern JAVAC =
      Pattern.compile("^(\\S+?\\.java):(\\d+): (error|warning): (.+)$");
  private static final Pattern KOTLIN =
      Pattern.compile("^([ew]): (?:file://)?(\\S+?\\.kts?):(\\d+):(\\d+) (.+)$");
  private static final Pattern PY_FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+)");
  private static final Pattern PY_EXCEPTION =
      Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Warning|Exit|Interrupt)\\b.*)$");
  private static final Pattern NODE_ERROR =
      Pattern.compile("^(?:Uncaught )?([A-Z]\\w*(?:Error|Exception)(?: \\[\\w+])?: .+)$");
  private static final Pattern NODE_FRAME =
      Pattern.compile("^\\s+at (?:.+? \\()?(?:file://)?([^()\\s]+?):(\\d+):(\\d+)\\)?\\s*$");

  private final String root;
  private final Map<String, Problem> problems = new LinkedHashMap<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private @Nullable String eslintFile;
  private @Nullable String esbuildMessage;
  private @Nullable String esbuildSeverity;
  private @Nullable Location pythonFrame;
  private boolean inTraceback;
  private @Nullable String nodeError;
  private @Nullable Location nodeFrame;
  private int nodeFrames;
  private @Nullable String webpackFile;
  private int webpackLine;
  private int webpackColumn;
  private @Nullable String webpackSeverity;
  private @Nullable Problem viteWaitingForFile;

  private record Location(String file, int line, int column) {}

  /**
   * @param workspaceRoot the folder the command ran in, as it saw it ({@code /workspace})
   */
  public ProblemParser(String workspaceRoot) {
    this.root = workspaceRoot.endsWith("/") ? workspaceRoot : workspaceRoot + "/";
  }

  public synchronized void accept(String rawLine) {
    try {
      String line = ANSI.matcher(rawLine).replaceAll("").replace("\r", "");
      parse(line);
      recent.addLast(line);
      if (recent.size() > 4) {
        recent.removeFirst();
      }
    } catch (RuntimeException unexpected) {
      // output is whatever a program printed; a line we cannot read is skipped
    }
  }

  public synchronized List<Problem> problems() {
    flushNode();
    return List.copyOf(problems.values());
  }

  public synchronized void clear() {
    problems.clear();
    recent.clear();
    eslintFile = null;
    esbuildMessage = null;
    pythonFrame = null;
    inTraceback = false;
    nodeError = null;
    nodeFrame = null;
    webpackFile = null;
    viteWaitingForFile = null;
  }

  private void parse(String line) {
    if (nodeError != null && !NODE_FRAME.matcher(line).matches()) {
      flushNode();
    }
    Matcher m;
    if ((m = TSC.matcher(line)).matches() || (m = TSC_PRETTY.matcher(line)).matches()) {
      add(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), "tsc");
      return;
    }
    if ((m = MAVEN.matcher(line)).matches()) {
      add(m.group(2), m.group(3), m.group(4), m.group(1).toLowerCase(), m.group(5), "maven");
      return;
    }
    if ((m = JAVAC.matcher(line)).matches()) {
      add(m.group(1), m.group(2), "0", m.group(3), m.group(4), "javac");
      return;
    }
    if ((m = KOTLIN.matcher(line)).matches()) {
      add(
          m.group(2),
          m.group(3),
          m.group(4),
          m.group(1).equals("e") ? "error" : "warning",
          m.group(5),
          "kotlin");
      return;
    }
    if (eslint(line) || esbuild(line) || vite(line) || webpack(line) || python(line)) {
      return;
    }
    node(line);
  }

  private boolean eslint(String line) {
    Matcher file = ESLINT_FILE.matcher(line);
    if (file.matches() && line.matches(".*\\.(?:[cm]?[jt]sx?|vue|svelte|astro)$")) {
      eslintFile = line;
      return true;
    }
    Matcher row = ESLINT_ROW.matcher(line);
    if (eslintFile != null && row.matches()) {
      add(
          eslintFile,
          row.group(1),
          row.group(2),
          row.group(3),
          row.group(4) + " (" + row.group(5) + ")",
          "eslint");
      return true;
    }
    if (line.isBlank() || line.startsWith("✖")) {
      eslintFile = null;
    }
    return false;
  }

  private boolean esbuild(String line) {
    Matcher m;
    if ((m = ESBUILD_ERROR.matcher(line)).matches()) {
      esbuildSeverity = m.group(1).equals("ERROR") ? "error" : "warning";
      esbuildMessage = m.group(2);
      return true;
    }
    if (esbuildMessage != null && (m = ESBUILD_LOCATION.matcher(line)).matches()) {
      add(m.group(1), m.group(2), m.group(3), esbuildSeverity, esbuildMessage, "esbuild");
      esbuildMessage = null;
      return true;
    }
    if ((m = ESBUILD_INLINE.matcher(line)).matches()) {
      add(
          m.group(1),
          m.group(2),
          m.group(3),
          m.group(4).equals("ERROR") ? "error" : "warning",
          m.group(5),
          "esbuild");
      return true;
    }
    return false;
  }

  private boolean vite(String line) {
    Matcher m;
    if ((m = VITE.matcher(line)).matches()) {
      add(m.group(1), m.group(3), m.group(4), "error", m.group(2), "vite");
      return true;
    }
    if ((m = VITE_FILE.matcher(line)).find()) {
      String message =
          recent.stream()
              .filter(previous -> previous.contains("Error"))
              .reduce((first, second) -> second)
              .map(String::strip)
              .orElse("Error");
      add(m.group(1), m.group(2), m.group(3), "error", message, "vite");
      return true;
    }
    return false;
  }

  private boolean webpack(String line) {
    Matcher m = WEBPACK.matcher(line);
    if (m.matches()) {
      webpackFile = m.group(2);
      webpackLine = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      webpackColumn = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      webpackSeverity = m.group(1).equals("ERROR") ? "error" : "warning";
      return true;
    }
    if (webpackFile != null && !line.isBlank()) {
      add(
          webpackFile,
          Integer.toString(webpackLine),
          Integer.toString(webpackColumn),
          webpackSeverity,
          line.strip(),
          "webpack");
      webpackFile = null;
      return true;
    }
    return false;
  }

  private boolean python(String line) {
    if (line.startsWith("Traceback (most recent call last)")) {
      inTraceback = true;
      pythonFrame = null;
      return true;
    }
    Matcher frame = PY_FRAME.matcher(line);
    if (frame.find()) {
      String file = relative(frame.group(1));
      if (file != null && !file.contains("site-packages/")) {
        pythonFrame = new Location(file, Integer.parseInt(frame.group(2)), 0);
      }
      inTraceback = inTraceback || line.strip().startsWith("File \"");
      return true;
    }
    if (inTraceback && !line.startsWith(" ") && PY_EXCEPTION.matcher(line.strip()).matches()) {
      if (pythonFrame != null) {
        put(
            new Problem(
                pythonFrame.file(), pythonFrame.line(), 0, "error", line.strip(), "python"));
      }
      inTraceback = false;
      pythonFrame = null;
      return true;
    }
    return inTraceback && line.startsWith(" ");
  }

  private void node(String line) {
    Matcher m;
    if ((m = NODE_ERROR.matcher(line.strip())).matches() && !line.startsWith(" ")) {
      flushNode();
      nodeError = m.group(1);
      nodeFrame = null;
      nodeFrames = 0;
      return;
    }
    if (nodeError != null && (m = NODE_FRAME.matcher(line)).matches()) {
      nodeFrames++;
      String file = relative(m.group(1));
      if (nodeFrame == null && file != null && !file.contains("node_modules/")) {
        nodeFrame = new Location(file, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      }
    }
  }

  private void flushNode() {
    if (nodeError != null && nodeFrame != null) {
      put(
          new Problem(
              nodeFrame.file(), nodeFrame.line(), nodeFrame.column(), "error", nodeError, "node"));
    }
    if (nodeError != null && nodeFrames > 0) {
      nodeError = null;
      nodeFrame = null;
    }
  }

  private void add(
      String file,
      String line,
      String column,
      @Nullable String severity,
      String message,
      String source) {
    String path = relative(file);
    if (path == null || path.contains("node_modules/")) {
      return;
    }
    put(
        new Problem(
            path,
            Integer.parseInt(line),
            Integer.parseInt(column),
            severity == null ? "error" : severity,
            message.strip(),
            source));
  }

  private void put(Problem problem) {
    if (problems.size() >= MAX_PROBLEMS) {
      return;
    }
    problems.putIfAbsent(
        problem.file() + ":" + problem.line() + ":" + problem.column() + ":" + problem.message(),
        problem);
  }

  /** The path relative to the project, or null when it is outside it. */
  private @Nullable String relative(String raw) {
    String path = raw.replace('\\', '/');
    if (path.startsWith("file://")) {
      path = path.substring("file://".length());
    }
    if (path.startsWith(root)) {
      path = path.substring(root.length());
    } else if (path.startsWith("/") || path.startsWith("node:") || path.startsWith("<")) {
      return null;
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.isEmpty() || path.startsWith("../") || path.contains("/../")) {
      return null;
    }
    return path;
  }

  static List<Problem> parseAll(String root, String output) {
    ProblemParser parser = new ProblemParser(root);
    output.lines().forEach(parser::accept);
    return new ArrayList<>(parser.problems());
  }
}
