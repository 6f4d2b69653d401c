package com.bharatbuild.execution.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class ProblemParser {
  private static final Pattern TSC =
      Pattern.compile("^(\\S+)\\((\\d+),(\\d+)\\): (error|warning) (.*)$");
  private final String root;
  private final List<Problem> problems = new ArrayList<>();

  public ProblemParser(String workspaceRoot) {
    this.root = workspaceRoot;
  }

  public synchronized void accept(String line) {
    Matcher m = TSC.matcher(line);
    if (m.find()) {
      problems.add(
          new Problem(
              m.group(1),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              m.group(4),
              m.group(5),
              "tsc"));
    }
  }

  public synchronized List<Problem> problems() {
    return List.copyOf(problems);
  }

  public synchronized void clear() {
    problems.clear();
  }
}
