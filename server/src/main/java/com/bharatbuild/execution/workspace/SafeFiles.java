package com.bharatbuild.execution.workspace;

import com.bharatbuild.execution.sandbox.SandboxUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and writes inside a workspace that sandboxed commands also write. A command may plant
 * symbolic links; the server, which may run as root, must never follow one out of the workspace, so
 * no path component may be a link and files are opened with {@code O_NOFOLLOW}.
 */
final class SafeFiles {

  private final SandboxUser user;

  SafeFiles(SandboxUser user) {
    this.user = user;
  }

  SandboxUser user() {
    return user;
  }

  /** Writes a file, creating its folders; refuses when a folder on the way is a link. */
  void write(Path root, String relative, String content) throws IOException {
    Path target = confined(root, relative);
    Path parent = target.getParent();
    createFolders(root, parent);
    if (Files.isSymbolicLink(target)) {
      Files.delete(target);
    }
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING,
            LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
    user.own(target);
  }

  void delete(Path root, String relative) throws IOException {
    Path target = confined(root, relative);
    requireNoLinkBetween(root, target.getParent());
    Files.deleteIfExists(target);
  }

  /** The file's bytes, or empty when it is a link, missing, or larger than {@code max}. */
  Optional<byte[]> read(Path root, String relative, long max) throws IOException {
    Path target = confined(root, relative);
    requireNoLinkBetween(root, target.getParent());
    try (SeekableByteChannel channel =
        Files.newByteChannel(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (channel.size() > max) {
        return Optional.empty();
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // reads until full or the file shrank under us
      }
      return Optional.of(
          buffer.flip().remaining() == buffer.capacity() ? buffer.array() : copy(buffer));
    } catch (java.nio.file.FileSystemException goneOrALink) {
      return Optional.empty();
    }
  }

  void createFolders(Path root, Path folder) throws IOException {
    requireNoLinkBetween(root, folder);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      Path relative = root.relativize(folder);
      Path current = root;
      for (Path name : relative) {
        current = current.resolve(name);
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(current);
          user.own(current);
        }
      }
    }
  }

  /** Decodes strict UTF-8 text; binary content (a NUL byte or invalid UTF-8) gives empty. */
  static Optional<String> text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException binary) {
      return Optional.empty();
    }
  }

  private static byte[] copy(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static Path confined(Path root, String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IOException("Path escapes the workspace: " + relative);
    }
    return target;
  }

  private static void requireNoLinkBetween(Path root, Path folder) throws IOException {
    Path current = root;
    for (Path name : root.relativize(folder)) {
      if (name.toString().isEmpty()) {
        continue;
      }
      current = current.resolve(name);
      if (Files.isSymbolicLink(current)) {
        throw new IOException("A link in the workspace is in the way: " + root.relativize(current));
      }
    }
  }
}
