package com.bharatbuild.execution.kubernetes;

import com.bharatbuild.execution.workspace.WorkspaceIgnore;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies a workspace between the server and its pod as a tar stream over exec. Dependency and build
 * folders stay where they were made; files keep their modification times, so a file the command did
 * not touch is not rewritten on the way back. What comes back from the pod is untrusted: only plain
 * files and folders inside the workspace are written, never through a link. Deletions are not
 * copied either way.
 */
final class PodFileSync {

  // the biggest folders are left out in the pod already; the rest of the ignore rules on unpacking
  private static final List<String> LEFT_IN_POD =
      List.of("node_modules", ".venv", "venv", ".git", ".cache", ".gradle", "target");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final PodExec exec;
  private final long maxBytes;

  PodFileSync(PodExec exec, long maxBytes) {
    this.exec = exec;
    this.maxBytes = maxBytes;
  }

  /** Copies the server's folder into the pod's. */
  void upload(String pod, Path local, String remote) throws IOException {
    ExecWatch watch = exec.writing(pod, List.of("tar", "-x", "-f", "-", "-C", remote));
    try (watch) {
      try (OutputStream input = watch.getInput()) {
        pack(local, input);
      }
      int code = PodExec.exitCode(watch, TIMEOUT);
      if (code != 0) {
        throw new IOException("Unpacking the workspace in pod " + pod + " failed (" + code + ")");
      }
    }
  }

  /** Copies the pod's folder back into the server's. */
  void download(String pod, String remote, Path local) throws IOException {
    List<String> command = new ArrayList<>(List.of("tar", "-c", "-f", "-", "-C", remote));
    LEFT_IN_POD.forEach(name -> command.add("--exclude=" + name));
    command.add(".");
    ExecWatch watch = exec.reading(pod, command);
    try (watch;
        InputStream output = watch.getOutput()) {
      unpack(output, local, maxBytes);
      output.transferTo(OutputStream.nullOutputStream());
      int code = PodExec.exitCode(watch, TIMEOUT);
      if (code != 0) {
        throw new IOException("Packing the workspace in pod " + pod + " failed (" + code + ")");
      }
    }
  }

  /** Writes the folder's plain files and folders, minus the ignored ones, as a tar stream. */
  static void pack(Path root, OutputStream out) throws IOException {
    WorkspaceIgnore ignore = WorkspaceIgnore.defaults();
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String name = relative(root, dir);
            if (ignore.ignores(name)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setModTime(attributes.lastModifiedTime());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            String name = relative(root, file);
            if (!attributes.isRegularFile() || ignore.ignores(name)) {
              return FileVisitResult.CONTINUE;
            }
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(attributes.size());
            entry.setModTime(attributes.lastModifiedTime());
            entry.setMode(Files.isExecutable(file) ? 0755 : 0644);
            tar.putArchiveEntry(entry);
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
              in.transferTo(tar);
            }
            tar.closeArchiveEntry();
            return FileVisitResult.CONTINUE;
          }
        });
    tar.finish();
  }

  /**
   * Writes a tar stream's plain files and folders under {@code root}, skipping entries outside it,
   * links, devices, ignored paths, and files that have the same size and time already.
   *
   * @throws IOException when the stream holds more than {@code maxBytes} of files
   */
  static void unpack(InputStream in, Path root, long maxBytes) throws IOException {
    WorkspaceIgnore ignore = WorkspaceIgnore.defaults();
    Path base = root.toAbsolutePath().normalize();
    long written = 0;
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      String name = entry.getName();
      name = name.startsWith("./") ? name.substring(2) : name;
      if (name.isEmpty() || name.equals(".") || name.equals("./")) {
        continue;
      }
      Path target = base.resolve(name).normalize();
      if (Path.of(name).isAbsolute()
          || !target.startsWith(base)
          || target.equals(base)
          || ignore.ignores(base.relativize(target).toString())
          || !(entry.isDirectory() || entry.isFile())
          || entry.isSymbolicLink()
          || entry.isLink()
          || throughLink(base, target)) {
        continue;
      }
      if (entry.isDirectory()) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        }
        continue;
      }
      written += entry.getSize();
      if (written > maxBytes) {
        throw new IOException("The workspace in the pod holds more than " + maxBytes + " bytes");
      }
      FileTime modified = entry.getLastModifiedTime();
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          && Files.size(target) == entry.getSize()
          && Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000
              == modified.toMillis() / 1000) {
        continue;
      }
      Files.createDirectories(target.getParent());
      try (OutputStream out =
          Files.newOutputStream(
              target,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        tar.transferTo(out);
      }
      Files.setLastModifiedTime(target, modified);
    }
  }

  private static boolean throughLink(Path base, Path target) {
    for (Path at = target; !at.equals(base); at = at.getParent()) {
      if (Files.isSymbolicLink(at)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }
}
