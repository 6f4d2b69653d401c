package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.FilePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.util.FileSystemUtils;

/**
 * Clones a repository's branch (shallow, over https) into a temporary folder and reads its tree
 * with the same limits as a zip: links and oversized or binary files over the limit refuse the
 * whole import. The token goes to the remote in this call only.
 */
final class GitImport {

  private final ImportProperties limits;
  private final GitThreads git;

  GitImport(ImportProperties limits, GitThreads git) {
    this.limits = limits;
    this.git = git;
  }

  ZipImport.Contents clone(GitImportRequest request) {
    URI uri = RemoteAddress.checked(request.url(), limits.allowLocalUrls());
    return git.call(() -> cloneAndRead(uri, request));
  }

  private ZipImport.Contents cloneAndRead(URI uri, GitImportRequest request) {
    Path folder;
    try {
      folder = Files.createTempDirectory("bharatbuild-clone");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      CloneCommand clone =
          Git.cloneRepository()
              .setURI(uri.toString())
              .setDirectory(folder.toFile())
              .setDepth(1)
              .setTimeout(120)
              .setCloneSubmodules(false);
      if (request.branch() != null && !request.branch().isBlank()) {
        clone.setBranch(request.branch());
      }
      if (request.token() != null && !request.token().isBlank()) {
        clone.setCredentialsProvider(
            new UsernamePasswordCredentialsProvider("x-access-token", request.token()));
      }
      try (Git ignored = clone.call()) {
        return read(folder);
      }
    } catch (GitAPIException e) {
      throw ArchiveRefused.hostile(
          "The repository could not be cloned: "
              + RemoteAddress.redacted(e.getMessage(), request.token()));
    } finally {
      FileSystemUtils.deleteRecursively(folder.toFile());
    }
  }

  private ZipImport.Contents read(Path root) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> binary = new ArrayList<>();
    long[] total = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root)
                      && ArchiveIgnore.IGNORED_FOLDERS.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              String relative = root.relativize(file).toString().replace('\\', '/');
              if (attrs.isSymbolicLink()) {
                throw ArchiveRefused.hostile("The repository has a link at " + relative);
              }
              if (files.size() + binary.size() >= limits.maxEntries()) {
                throw ArchiveRefused.tooLarge(
                    "The repository has more than " + limits.maxEntries() + " files");
              }
              total[0] += attrs.size();
              if (total[0] > limits.maxTotal().toBytes()) {
                throw ArchiveRefused.tooLarge("The repository is larger than " + limits.maxTotal());
              }
              FilePath path;
              try {
                path = FilePath.of(relative);
              } catch (RuntimeException invalid) {
                throw ArchiveRefused.hostile(
                    "The file " + relative + " has a name projects cannot hold");
              }
              byte[] bytes = Files.readAllBytes(file);
              String text = ZipImport.utf8(bytes);
              if (bytes.length > limits.maxFile().toBytes()) {
                throw ArchiveRefused.tooLarge(
                    "The file " + relative + " is larger than " + limits.maxFile());
              }
              if (text == null) {
                binary.add(path.value());
              } else {
                files.put(path.value(), text);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ZipImport.Contents(files, binary);
  }
}
