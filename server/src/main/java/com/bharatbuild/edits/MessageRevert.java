package com.bharatbuild.edits;

import com.bharatbuild.projects.FileChange;
import com.bharatbuild.projects.FileHistory;
import com.bharatbuild.projects.FilePath;
import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes every file change of one AI message: files it modified, created, deleted or renamed go
 * back to what they were before it. A file changed since by someone else is a conflict and stays as
 * it is unless forced. A file already back where it was counts as reverted, so reverting twice
 * changes nothing.
 */
@Service
public class MessageRevert {

  private final FileService files;
  private final ApplicationEventPublisher events;

  MessageRevert(FileService files, ApplicationEventPublisher events) {
    this.files = files;
    this.events = events;
  }

  /** Undoes the message's operations together: every file or, on a failure, none. */
  @Transactional
  public RevertResult revert(UUID userId, UUID projectId, UUID messageId, boolean force) {
    List<String> reverted = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    FileChange change = FileChange.byUser(userId);
    for (FileHistory history : files.changesBy(userId, projectId, messageId)) {
      FilePath path = FilePath.of(history.path());
      Optional<FileView> current = files.find(userId, projectId, path);
      String now = current.map(FileView::content).orElse(null);
      if (Objects.equals(now, history.before())) {
        reverted.add(history.path());
        continue;
      }
      if (!Objects.equals(now, history.after()) && !force) {
        conflicts.add(history.path());
        continue;
      }
      if (history.before() == null) {
        files.delete(projectId, path, change);
      } else {
        files.write(
            projectId, path, history.before(), current.map(FileView::version).orElse(null), change);
      }
      reverted.add(history.path());
    }
    if (!reverted.isEmpty()) {
      events.publishEvent(new MessageReverted(projectId, userId, messageId, List.copyOf(reverted)));
    }
    return new RevertResult(reverted, conflicts);
  }
}
