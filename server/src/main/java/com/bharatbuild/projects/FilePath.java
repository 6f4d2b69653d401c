package com.bharatbuild.projects;

import com.bharatbuild.projects.ProjectProblems.InvalidPath;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A file path inside a project, normalised: relative, {@code /}-separated, no empty or {@code .}
 * segments, Unicode NFC. Anything that could leave the project ({@code ..}, a leading {@code /}, a
 * drive letter) or confuse a shell or a file system (control characters, backslashes) is refused.
 *
 * @param value the normalised path, at most {@value #MAX_LENGTH} characters
 */
public record FilePath(String value) {

  public static final int MAX_LENGTH = 500;

  public FilePath {
    if (!value.equals(normalise(value))) {
      throw InvalidPath.because("The path " + value + " is not normalised");
    }
  }

  /**
   * Validates and normalises a path as a client or a model wrote it.
   *
   * @throws InvalidPath with the reason, for anything that is not a safe relative file path
   */
  public static FilePath of(String raw) {
    return new FilePath(normalise(raw));
  }

  private static String normalise(String raw) {
    if (raw.isBlank()) {
      throw InvalidPath.because("The path is empty");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw InvalidPath.because("The path contains a control character");
      }
      if (c == '\\') {
        throw InvalidPath.because("The path must use / as separator, not \\");
      }
    }
    if (raw.startsWith("/")) {
      throw InvalidPath.because("The path must be relative to the project, not start with /");
    }
    if (raw.length() >= 2 && raw.charAt(1) == ':' && Character.isLetter(raw.charAt(0))) {
      throw InvalidPath.because("The path must be relative to the project, not name a drive");
    }
    if (raw.endsWith("/")) {
      throw InvalidPath.because("The path names a folder, not a file");
    }
    String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
    List<String> segments = new ArrayList<>();
    for (String segment : nfc.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw InvalidPath.because("The path must not contain a .. segment");
      }
      if (segment.isBlank() || !segment.strip().equals(segment)) {
        throw InvalidPath.because("A path segment must not start or end with white space");
      }
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      throw InvalidPath.because("The path names no file");
    }
    String normalised = String.join("/", segments);
    if (normalised.length() > MAX_LENGTH) {
      throw InvalidPath.because("The path is longer than " + MAX_LENGTH + " characters");
    }
    return normalised;
  }

  /** The last segment. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
