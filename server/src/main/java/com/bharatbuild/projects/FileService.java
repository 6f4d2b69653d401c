package com.bharatbuild.projects;

import com.bharatbuild.projects.FileVersions.ChangeType;
import com.bharatbuild.projects.ProjectProblems.FileExists;
import com.bharatbuild.projects.ProjectProblems.FileNotFound;
import com.bharatbuild.projects.ProjectProblems.FileTooLarge;
import com.bharatbuild.projects.ProjectProblems.ProjectNotFound;
import com.bharatbuild.projects.ProjectProblems.TooManyFiles;
import com.bharatbuild.projects.ProjectProblems.VersionConflict;
import com.bharatbuild.shared.config.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the text files of a project. Writes lock the project row, so versions of one
 * project advance one at a time and every change leaves exactly one history row.
 */
@Service
public class FileService {

  private final Projects projects;
  private final ProjectFiles files;
  private final FileVersions versions;
  private final FilesProperties limits;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  FileService(
      Projects projects,
      ProjectFiles files,
      FileVersions versions,
      FilesProperties limits,
      Clock clock,
      ApplicationEventPublisher events) {
    this.projects = projects;
    this.files = files;
    this.versions = versions;
    this.limits = limits;
    this.clock = clock;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<FileSummary> list(UUID owner, UUID projectId) {
    requireOwned(owner, projectId);
    return files.list(projectId);
  }

  @Transactional(readOnly = true)
  public FileView read(UUID owner, UUID projectId, FilePath path) {
    requireOwned(owner, projectId);
    return files.find(projectId, path).orElseThrow(() -> FileNotFound.at(path));
  }

  /** Every file of the project with its content, in path order. */
  @Transactional(readOnly = true)
  public List<FileView> snapshot(UUID owner, UUID projectId) {
    requireOwned(owner, projectId);
    return files.listWithContent(projectId);
  }

  /** Reads a file if it exists. */
  @Transactional(readOnly = true)
  public Optional<FileView> find(UUID owner, UUID projectId, FilePath path) {
    requireOwned(owner, projectId);
    return files.find(projectId, path);
  }

  /**
   * Creates a file that must not exist yet.
   *
   * @throws FileExists when it does
   */
  @Transactional
  public FileView create(UUID projectId, FilePath path, String content, FileChange change) {
    lockOwned(change.userId(), projectId);
    if (files.find(projectId, path).isPresent()) {
      throw FileExists.at(path);
    }
    return insert(projectId, path, content, change);
  }

  /**
   * Writes a file, creating it if absent.
   *
   * @param expectedVersion when not null, the file must exist at this version
   * @throws VersionConflict when it does not
   */
  @Transactional
  public FileView write(
      UUID projectId,
      FilePath path,
      String content,
      @Nullable Integer expectedVersion,
      FileChange change) {
    lockOwned(change.userId(), projectId);
    Optional<FileView> current = files.find(projectId, path);
    if (current.isEmpty()) {
      if (expectedVersion != null) {
        throw VersionConflict.of(path, expectedVersion, versions.latestVersion(projectId, path));
      }
      return insert(projectId, path, content, change);
    }
    FileView existing = current.get();
    if (expectedVersion != null && expectedVersion != existing.version()) {
      throw VersionConflict.of(path, expectedVersion, existing.version());
    }
    if (existing.content().equals(content)) {
      return existing;
    }
    int size = checkedSize(content);
    OffsetDateTime now = Timestamps.now(clock);
    FileView updated =
        new FileView(path.value(), content, existing.language(), size, existing.version() + 1, now);
    if (!files.update(projectId, updated, existing.version())) {
      throw VersionConflict.of(path, existing.version(), existing.version() + 1);
    }
    versions.record(projectId, path, updated.version(), ChangeType.UPDATE, content, change, now);
    projects.touch(projectId, now);
    published(projectId, path, content, updated.version(), change);
    return updated;
  }

  /**
   * Deletes a file, keeping its last content in the history.
   *
   * @throws FileNotFound when there is no such file
   */
  @Transactional
  public void delete(UUID projectId, FilePath path, FileChange change) {
    lockOwned(change.userId(), projectId);
    FileView existing = files.find(projectId, path).orElseThrow(() -> FileNotFound.at(path));
    files.delete(projectId, path);
    OffsetDateTime now = Timestamps.now(clock);
    versions.record(projectId, path, existing.version() + 1, ChangeType.DELETE, null, change, now);
    projects.touch(projectId, now);
    published(projectId, path, null, existing.version() + 1, change);
  }

  /** What the AI message changed in the project, path by path. */
  @Transactional(readOnly = true)
  public List<FileHistory> changesBy(UUID owner, UUID projectId, UUID messageId) {
    requireOwned(owner, projectId);
    return versions.changesBy(projectId, messageId);
  }

  /**
   * Moves a file to a path that must be free, keeping both paths' histories.
   *
   * @throws FileNotFound when there is no file at {@code from}
   * @throws FileExists when {@code to} is taken
   */
  @Transactional
  public FileView rename(UUID projectId, FilePath from, FilePath to, FileChange change) {
    lockOwned(change.userId(), projectId);
    FileView source = files.find(projectId, from).orElseThrow(() -> FileNotFound.at(from));
    if (files.find(projectId, to).isPresent()) {
      throw FileExists.at(to);
    }
    files.delete(projectId, from);
    OffsetDateTime now = Timestamps.now(clock);
    versions.record(projectId, from, source.version() + 1, ChangeType.DELETE, null, change, now);
    published(projectId, from, null, source.version() + 1, change);
    FileView moved = insert(projectId, to, source.content(), change);
    events.publishEvent(
        new ProjectFileRenamed(
            projectId, change.userId(), from.value(), to.value(), moved.version()));
    return moved;
  }

  private FileView insert(UUID projectId, FilePath path, String content, FileChange change) {
    int size = checkedSize(content);
    if (files.count(projectId) >= limits.maxFilesPerProject()) {
      throw TooManyFiles.of(limits.maxFilesPerProject());
    }
    OffsetDateTime now = Timestamps.now(clock);
    int version = versions.latestVersion(projectId, path) + 1;
    FileView created = new FileView(path.value(), content, Languages.of(path), size, version, now);
    files.insert(projectId, created);
    versions.record(projectId, path, version, ChangeType.CREATE, content, change, now);
    projects.touch(projectId, now);
    published(projectId, path, content, version, change);
    return created;
  }

  private void published(
      UUID projectId, FilePath path, @Nullable String content, int version, FileChange change) {
    events.publishEvent(
        new ProjectFileChanged(
            projectId, change.userId(), path.value(), content, version, change.author()));
  }

  private int checkedSize(String content) {
    long size = utf8Length(content);
    if (size > limits.maxFileBytes()) {
      throw FileTooLarge.of(size, limits.maxFileBytes());
    }
    return (int) size;
  }

  private static long utf8Length(String content) {
    // avoids allocating a copy of up to a megabyte only to measure it
    long bytes = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < content.length()
          && Character.isLowSurrogate(content.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private void requireOwned(UUID owner, UUID projectId) {
    if (projects.findOwned(projectId, owner).isEmpty()) {
      throw ProjectNotFound.create();
    }
  }

  private void lockOwned(UUID owner, UUID projectId) {
    if (!projects.lockOwned(projectId, owner)) {
      throw ProjectNotFound.create();
    }
  }
}
