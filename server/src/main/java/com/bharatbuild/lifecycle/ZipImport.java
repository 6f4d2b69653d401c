package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.FilePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads an uploaded zip into project files, or refuses the whole archive before anything is
 * written: entries that would land outside the project (absolute, {@code ..}, links), too many
 * entries or bytes, entries that expand like a zip bomb, names the project's path rules refuse, and
 * binary files over the size limit. Sizes are counted as bytes are read, never taken from headers.
 * A single top folder, as GitHub's archives have, is dropped.
 */
final class ZipImport {

  /** What the archive holds: text files by path, and binary files left out. */
  record Contents(Map<String, String> files, List<String> skippedBinary) {}

  private final ImportProperties limits;

  ZipImport(ImportProperties limits) {
    this.limits = limits;
  }

  Contents read(Path archive) {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      if (entries.size() > limits.maxEntries()) {
        throw ArchiveRefused.tooLarge(
            "The archive has " + entries.size() + " entries; at most " + limits.maxEntries());
      }
      String prefix = commonTopFolder(entries);
      ArchiveIgnore ignore = rulesOf(zip, entries, prefix);
      Map<String, String> files = new LinkedHashMap<>();
      List<String> binary = new ArrayList<>();
      long total = 0;
      for (ZipArchiveEntry entry : entries) {
        String name = entry.getName();
        refuseEscapes(entry, name);
        if (entry.isDirectory()) {
          continue;
        }
        String relative = name.substring(prefix.length());
        if (ignore.ignores(relative)) {
          continue;
        }
        FilePath path;
        try {
          path = FilePath.of(relative);
        } catch (RuntimeException invalid) {
          throw ArchiveRefused.hostile("The entry " + name + " has a name projects cannot hold");
        }
        byte[] bytes = readLimited(zip, entry, limits.maxTotal().toBytes() - total);
        total += bytes.length;
        String text = utf8(bytes);
        if (text == null) {
          if (bytes.length > limits.maxFile().toBytes()) {
            throw ArchiveRefused.tooLarge(
                "The binary file " + relative + " is larger than " + limits.maxFile());
          }
          binary.add(path.value());
          continue;
        }
        if (bytes.length > limits.maxFile().toBytes()) {
          throw ArchiveRefused.tooLarge(
              "The file " + relative + " is larger than " + limits.maxFile());
        }
        files.put(path.value(), text);
      }
      return new Contents(files, binary);
    } catch (IOException e) {
      throw ArchiveRefused.hostile("The upload is not a readable zip archive: " + e.getMessage());
    }
  }

  private byte[] readLimited(ZipFile zip, ZipArchiveEntry entry, long totalLeft)
      throws IOException {
    long compressed = Math.max(entry.getCompressedSize(), 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16_384];
    try (InputStream in = zip.getInputStream(entry)) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > totalLeft) {
          throw ArchiveRefused.tooLarge(
              "The archive expands to more than " + limits.maxTotal() + " in all");
        }
        if (out.size() > 1_000_000 && out.size() / compressed > limits.maxRatio()) {
          throw ArchiveRefused.hostile(
              "The entry "
                  + entry.getName()
                  + " expands like a zip bomb (over "
                  + limits.maxRatio()
                  + " times its compressed size)");
        }
        if (out.size() > limits.maxFile().toBytes() * 4) {
          throw ArchiveRefused.tooLarge(
              "The file " + entry.getName() + " is larger than " + limits.maxFile());
        }
      }
    }
    return out.toByteArray();
  }

  private static void refuseEscapes(ZipArchiveEntry entry, String name) {
    if (entry.isUnixSymlink()) {
      throw ArchiveRefused.hostile("The entry " + name + " is a link; links are not imported");
    }
    String normal = name.replace('\\', '/');
    if (normal.startsWith("/")
        || normal.matches("^[A-Za-z]:.*")
        || ("/" + normal + "/").contains("/../")
        || !normal.equals(name)) {
      throw ArchiveRefused.hostile("The entry " + name + " points outside the project");
    }
  }

  private static String commonTopFolder(List<ZipArchiveEntry> entries) {
    String top = null;
    for (ZipArchiveEntry entry : entries) {
      String name = entry.getName();
      int slash = name.indexOf('/');
      if (slash < 0) {
        return "";
      }
      String folder = name.substring(0, slash + 1);
      if (top == null) {
        top = folder;
      } else if (!top.equals(folder)) {
        return "";
      }
    }
    return top == null ? "" : top;
  }

  /** The archive's ignore files, read first so that they apply to every entry. */
  private ArchiveIgnore rulesOf(ZipFile zip, List<ZipArchiveEntry> entries, String prefix)
      throws IOException {
    ArchiveIgnore ignore = new ArchiveIgnore();
    for (ZipArchiveEntry entry : entries) {
      String name = entry.getName();
      String file = name.substring(name.lastIndexOf('/') + 1);
      if (entry.isDirectory() || !ArchiveIgnore.RULE_FILES.contains(file)) {
        continue;
      }
      refuseEscapes(entry, name);
      String text = utf8(readLimited(zip, entry, limits.maxFile().toBytes()));
      if (text != null) {
        ignore.addRules(name.substring(prefix.length()), text);
      }
    }
    return ignore;
  }

  static @org.jspecify.annotations.Nullable String utf8(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }
}
