package com.bharatbuild.execution.workspace;

import com.bharatbuild.execution.sandbox.SandboxUser;
import com.bharatbuild.projects.FileChange;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.projects.ProjectDeleted;
import com.bharatbuild.projects.ProjectFileChanged;
import com.bharatbuild.shared.web.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each project's workspace on disk equal to its files in the database, both ways. Edits
 * through the API or by the AI are written to disk as soon as they commit; after a command, what it
 * created, changed or deleted comes back as changes by {@code run}. The database wins a race: a
 * file changed in both places keeps the database's version and is written back to disk.
 */
public class Workspaces {

  private static final Logger log = LoggerFactory.getLogger(Workspaces.class);
  private static final int MAX_WALKED_FILES = 50_000;

  /** What the server last wrote or read for a path, to skip files nobody touched since. */
  private record Stamp(long size, long modified, int version) {}

  private final Path root;
  private final FileService files;
  private final SafeFiles disk;
  private final long maxFileBytes;
  private final Map<UUID, Map<String, Stamp>> stamps = new ConcurrentHashMap<>();
  private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
  private @org.jspecify.annotations.Nullable Path controlRoot;

  public Workspaces(Path root, FileService files, SandboxUser user, long maxFileBytes) {
    this.root = root;
    this.files = files;
    this.disk = new SafeFiles(user);
    this.maxFileBytes = maxFileBytes;
  }

  /** The project's workspace, created and brought up to date with its files. */
  public Workspace open(UUID owner, UUID projectId) {
    Workspace workspace = folders(owner, projectId);
    locked(projectId, () -> syncDown(workspace));
    return workspace;
  }

  /**
   * A folder for checking that the sandbox works. The sandbox's user must be able to pass through
   * the folders above the workspaces to reach its own, so the workspaces folder and the data folder
   * are made searchable (not readable) by others; folders further up are left alone.
   */
  public Path scratch() {
    try {
      Files.createDirectories(root);
      searchableByOthers(root);
      if (root.getParent() != null) {
        searchableByOthers(root.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the workspaces folder " + root, e);
    }
    return root.resolve(".probe");
  }

  private void searchableByOthers(Path folder) throws IOException {
    if (!disk.user().switches()) {
      return;
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
          Files.getPosixFilePermissions(folder);
      if (permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
        Files.setPosixFilePermissions(folder, permissions);
      }
    } catch (IOException | UnsupportedOperationException notOurs) {
      // not the server's folder, or not POSIX: the probe will tell whether it is reachable
    }
  }

  /** The folder of the project's run logs, beside its workspace and gone with it. */
  public Path logs(UUID projectId) {
    try {
      return Files.createDirectories(root.resolve(projectId.toString()).resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes what commands changed on disk into the project's files, as changes by {@code run}. */
  public SyncResult syncBack(Workspace workspace) {
    return locked(workspace.projectId(), () -> collect(workspace));
  }

  /** Files the workspace keeps that are not text files of the project. */
  public List<DiskOnlyFile> diskOnly(UUID owner, UUID projectId) {
    Workspace workspace = folders(owner, projectId);
    List<DiskOnlyFile> found = new ArrayList<>();
    WorkspaceIgnore ignore = ignoreRules(files.snapshot(owner, projectId));
    walk(
        workspace,
        ignore,
        (relative, attributes) -> {
          Optional<String> reason = diskOnlyReason(workspace, relative, attributes);
          reason.ifPresent(why -> found.add(new DiskOnlyFile(relative, attributes.size(), why)));
        });
    return found;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onFileChanged(ProjectFileChanged change) {
    Path files = root.resolve(change.projectId().toString()).resolve("files");
    if (!Files.isDirectory(files) || change.by() == FileChange.Author.RUN) {
      return;
    }
    locked(
        change.projectId(),
        () -> {
          Map<String, Stamp> known = stampsOf(change.projectId());
          Stamp previous = known.get(change.path());
          if (previous != null && previous.version() > change.version()) {
            return null;
          }
          try {
            if (change.deleted()) {
              disk.delete(files, change.path());
              known.remove(change.path());
            } else {
              disk.write(files, change.path(), change.content());
              known.put(change.path(), stampOf(files.resolve(change.path()), change.version()));
            }
          } catch (IOException e) {
            log.warn(
                "Workspace of project {} not updated for {}: {}",
                change.projectId(),
                change.path(),
                e.getMessage());
          }
          return null;
        });
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onProjectDeleted(ProjectDeleted deleted) {
    stamps.remove(deleted.projectId());
    deleteTree(root.resolve(deleted.projectId().toString()));
    deleteTree(controlRoot().resolve(deleted.projectId().toString().replace("-", "")));
  }

  /** Removes the preview sockets' folder when the server stops. */
  public synchronized void close() {
    if (controlRoot != null) {
      deleteTree(controlRoot);
      controlRoot = null;
    }
  }

  /**
   * Control folders hold the preview sockets, whose paths the kernel limits to 108 bytes, so they
   * live under a short temporary folder rather than beside the workspace.
   */
  private synchronized Path controlRoot() {
    if (controlRoot == null) {
      try {
        controlRoot = Files.createTempDirectory("bbctl");
        searchableByOthers(controlRoot);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the folder for preview sockets", e);
      }
    }
    return controlRoot;
  }

  private Workspace folders(UUID owner, UUID projectId) {
    Path project = root.resolve(projectId.toString());
    try {
      Files.createDirectories(project);
      Path filesDir = project.resolve("files");
      Path home = project.resolve("home");
      Path control = controlRoot().resolve(projectId.toString().replace("-", ""));
      for (Path folder : List.of(filesDir, home, control)) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(folder);
        }
        disk.user().own(folder);
      }
      return new Workspace(projectId, owner, filesDir, home, control);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the workspace of " + projectId, e);
    }
  }

  private Void syncDown(Workspace workspace) {
    Map<String, Stamp> known = stampsOf(workspace.projectId());
    for (FileView file : files.snapshot(workspace.owner(), workspace.projectId())) {
      try {
        Path onDisk = workspace.files().resolve(file.path());
        Stamp stamp = known.get(file.path());
        if (stamp != null
            && stamp.version() == file.version()
            && stamp.equals(stampOf(onDisk, file.version()))) {
          continue;
        }
        Optional<String> current =
            disk.read(workspace.files(), file.path(), maxFileBytes).flatMap(SafeFiles::text);
        if (current.isEmpty() || !current.get().equals(file.content())) {
          disk.write(workspace.files(), file.path(), file.content());
        }
        known.put(file.path(), stampOf(onDisk, file.version()));
      } catch (IOException e) {
        log.warn(
            "Workspace of project {}: {} not written: {}",
            workspace.projectId(),
            file.path(),
            e.getMessage());
      }
    }
    return null;
  }

  private SyncResult collect(Workspace workspace) {
    UUID project = workspace.projectId();
    List<FileView> snapshot = files.snapshot(workspace.owner(), project);
    Map<String, FileView> inDatabase = new LinkedHashMap<>();
    snapshot.forEach(file -> inDatabase.put(file.path(), file));
    WorkspaceIgnore ignore = ignoreRules(snapshot);
    Map<String, Stamp> known = stampsOf(project);
    Map<String, BasicFileAttributes> onDisk = new HashMap<>();
    walk(workspace, ignore, onDisk::put);
    FileChange byRun = new FileChange(FileChange.Author.RUN, workspace.owner(), null);
    List<String> changed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, BasicFileAttributes> entry : onDisk.entrySet()) {
      String path = entry.getKey();
      FileView stored = inDatabase.get(path);
      Stamp stamp = known.get(path);
      Path file = workspace.files().resolve(path);
      if (stored != null
          && stamp != null
          && stamp.version() == stored.version()
          && stamp.equals(stampOf(file, stored.version()))) {
        continue;
      }
      if (diskOnlyReason(workspace, path, entry.getValue()).isPresent()) {
        continue;
      }
      try {
        Optional<String> content =
            disk.read(workspace.files(), path, maxFileBytes).flatMap(SafeFiles::text);
        if (content.isEmpty()) {
          continue;
        }
        if (stored != null && stored.content().equals(content.get())) {
          known.put(path, stampOf(file, stored.version()));
          continue;
        }
        FileView written =
            files.write(
                project,
                FilePath.of(path),
                content.get(),
                stored == null ? null : stored.version(),
                byRun);
        known.put(path, stampOf(file, written.version()));
        changed.add(path);
      } catch (ApiProblem refusedByProject) {
        refused.add(path + ": " + refusedByProject.getMessage());
      } catch (IOException e) {
        refused.add(path + ": " + e.getMessage());
      }
    }
    for (FileView stored : snapshot) {
      if (onDisk.containsKey(stored.path()) || ignore.ignores(stored.path())) {
        continue;
      }
      try {
        if (known.containsKey(stored.path())) {
          // the server had written it, so a command removed it
          files.delete(project, FilePath.of(stored.path()), byRun);
          known.remove(stored.path());
          deleted.add(stored.path());
        } else {
          disk.write(workspace.files(), stored.path(), stored.content());
          known.put(
              stored.path(), stampOf(workspace.files().resolve(stored.path()), stored.version()));
        }
      } catch (ApiProblem | IOException e) {
        refused.add(stored.path() + ": " + e.getMessage());
      }
    }
    return new SyncResult(List.copyOf(changed), List.copyOf(deleted), List.copyOf(refused));
  }

  private Optional<String> diskOnlyReason(
      Workspace workspace, String relative, BasicFileAttributes attributes) {
    try {
      FilePath.of(relative);
    } catch (RuntimeException badName) {
      return Optional.of("unsupported-name");
    }
    if (attributes.size() > maxFileBytes) {
      return Optional.of("too-large");
    }
    try {
      Optional<byte[]> bytes = disk.read(workspace.files(), relative, maxFileBytes);
      if (bytes.isPresent() && SafeFiles.text(bytes.get()).isEmpty()) {
        return Optional.of("binary");
      }
    } catch (IOException unreadable) {
      return Optional.of("binary");
    }
    return Optional.empty();
  }

  private static WorkspaceIgnore ignoreRules(List<FileView> snapshot) {
    return snapshot.stream()
        .filter(file -> file.path().equals(WorkspaceIgnore.RULES_FILE))
        .findFirst()
        .map(file -> WorkspaceIgnore.parse(file.content()))
        .orElseGet(WorkspaceIgnore::defaults);
  }

  private interface Visitor {
    void file(String relative, BasicFileAttributes attributes);
  }

  private static void walk(Workspace workspace, WorkspaceIgnore ignore, Visitor visitor) {
    Path base = workspace.files();
    int[] seen = {0};
    try {
      Files.walkFileTree(
          base,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(base)) {
                return FileVisitResult.CONTINUE;
              }
              return ignore.ignores(relative(base, dir))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              String relative = relative(base, file);
              if (!ignore.ignores(relative)) {
                visitor.file(relative, attrs);
              }
              return ++seen[0] >= MAX_WALKED_FILES
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path base, Path path) {
    return base.relativize(path).toString().replace('\\', '/');
  }

  private static Stamp stampOf(Path file, int version) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis(), version);
    } catch (IOException e) {
      return new Stamp(-1, -1, version);
    }
  }

  private Map<String, Stamp> stampsOf(UUID projectId) {
    return stamps.computeIfAbsent(projectId, id -> new ConcurrentHashMap<>());
  }

  private <T> T locked(UUID projectId, java.util.function.Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(projectId, id -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  log.warn("Could not delete {}: {}", path, e.getMessage());
                }
              });
    } catch (IOException e) {
      log.warn("Could not delete workspace {}: {}", folder, e.getMessage());
    }
  }
}
