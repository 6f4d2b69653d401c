package com.bharatbuild.execution.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar streams a workspace travels in, both ways, without a pod. */
class KubernetesFileSyncTest {

  @TempDir Path server;
  @TempDir Path pod;

  @Test
  void aWorkspaceTravelsWithoutItsDependencyFolders() throws IOException {
    Files.createDirectories(server.resolve("src"));
    Files.writeString(server.resolve("src/app.js"), "console.log(1)");
    Files.createDirectories(server.resolve("node_modules/left"));
    Files.writeString(server.resolve("node_modules/left/index.js"), "x");
    Files.createSymbolicLink(server.resolve("link"), Path.of("/etc/passwd"));

    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    PodFileSync.pack(server, tar);
    PodFileSync.unpack(new ByteArrayInputStream(tar.toByteArray()), pod, 1 << 20);

    assertThat(pod.resolve("src/app.js")).hasContent("console.log(1)");
    assertThat(pod.resolve("node_modules")).doesNotExist();
    assertThat(pod.resolve("link")).doesNotExist();
    assertThat(Files.getLastModifiedTime(pod.resolve("src/app.js")).toMillis() / 1000)
        .isEqualTo(Files.getLastModifiedTime(server.resolve("src/app.js")).toMillis() / 1000);
  }

  @Test
  void whatComesBackCannotWriteOutsideTheWorkspaceOrThroughALink() throws IOException {
    Path outside = Files.createDirectories(pod.resolve("outside"));
    Path workspace = Files.createDirectories(pod.resolve("workspace"));
    Files.createSymbolicLink(workspace.resolve("escape"), outside);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      file(tar, "../outside/owned.txt", "x");
      file(tar, "/etc/owned.txt", "x");
      file(tar, "escape/owned.txt", "x");
      TarArchiveEntry link = new TarArchiveEntry("planted", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      file(tar, "./kept.txt", "made in the pod");
    }

    PodFileSync.unpack(new ByteArrayInputStream(bytes.toByteArray()), workspace, 1 << 20);

    assertThat(outside.resolve("owned.txt")).doesNotExist();
    assertThat(workspace.resolve("planted")).doesNotExist();
    assertThat(workspace.resolve("kept.txt")).hasContent("made in the pod");
  }

  @Test
  void aFileWithTheSameSizeAndTimeIsNotRewritten() throws IOException {
    Path file = Files.writeString(server.resolve("same.txt"), "abc");
    FileTime time = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, time);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry entry = new TarArchiveEntry("same.txt");
      entry.setSize(3);
      entry.setModTime(time);
      tar.putArchiveEntry(entry);
      tar.write("xyz".getBytes(StandardCharsets.UTF_8));
      tar.closeArchiveEntry();
    }

    PodFileSync.unpack(new ByteArrayInputStream(bytes.toByteArray()), server, 1 << 20);

    assertThat(file).hasContent("abc");
  }

  @Test
  void tooMuchComingBackIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      file(tar, "big.bin", "0123456789");
    }

    assertThatThrownBy(
            () -> PodFileSync.unpack(new ByteArrayInputStream(bytes.toByteArray()), pod, 5))
        .isInstanceOf(IOException.class);
  }

  private static void file(TarArchiveOutputStream tar, String name, String content)
      throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
