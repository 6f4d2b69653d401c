package com.bharatbuild.lifecycle;

import com.bharatbuild.projects.FileService;
import com.bharatbuild.projects.FileView;
import com.bharatbuild.shared.config.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * A git history per project, kept by the server in a bare repository under the data folder. Each
 * commit records the project's whole tree as the database holds it, so the history can never
 * disagree with the files; a change that leaves the tree as it was makes no commit.
 */
class ProjectHistory {

  private static final String BRANCH = "refs/heads/main";
  private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-Id: ([0-9a-f-]{36})$");
  private static final Pattern AUTHOR_KIND = Pattern.compile("(?m)^Author-Kind: (\\w+)$");

  /** Who made a commit: the user, the assistant or a command. */
  enum Author {
    USER("user"),
    ASSISTANT("assistant"),
    RUN("run");

    final String wireName;

    Author(String wireName) {
      this.wireName = wireName;
    }
  }

  private final DataDirectory data;
  private final FileService files;
  private final GitThreads git;
  private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

  ProjectHistory(DataDirectory data, FileService files, GitThreads git) {
    this.data = data;
    this.files = files;
    this.git = git;
  }

  /** Commits the project's current files; returns the commit, or null when nothing changed. */
  @Nullable String commit(
      UUID owner, UUID projectId, Author author, String title, @Nullable UUID messageId) {
    synchronized (locks.computeIfAbsent(projectId, id -> new Object())) {
      List<FileView> snapshot = files.snapshot(owner, projectId);
      return git.call(() -> write(projectId, snapshot, author, title, messageId));
    }
  }

  private @Nullable String write(
      UUID projectId,
      List<FileView> snapshot,
      Author author,
      String title,
      @Nullable UUID messageId) {
    try (Repository repository = open(projectId);
        ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      snapshot.stream()
          .sorted(
              Comparator.comparing(
                  file -> file.path().getBytes(StandardCharsets.UTF_8),
                  java.util.Arrays::compareUnsigned))
          .forEach(
              file -> {
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                try {
                  entry.setObjectId(
                      inserter.insert(
                          Constants.OBJ_BLOB, file.content().getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                builder.add(entry);
              });
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      ObjectId parent = repository.resolve(BRANCH);
      if (parent != null) {
        try (RevWalk walk = new RevWalk(repository)) {
          if (walk.parseCommit(parent).getTree().equals(tree)) {
            return null;
          }
        }
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      if (parent != null) {
        commit.setParentId(parent);
      }
      PersonIdent who = identity(author);
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(
          title
              + "\n\nAuthor-Kind: "
              + author.wireName
              + (messageId == null ? "" : "\nMessage-Id: " + messageId)
              + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(BRANCH);
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("the history of " + projectId + " moved underneath: " + result);
      }
      return id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<CommitView> log(UUID projectId, int limit) {
    return git.call(() -> read(projectId, limit));
  }

  private List<CommitView> read(UUID projectId, int limit) {
    if (!exists(projectId)) {
      return List.of();
    }
    try (Repository repository = open(projectId);
        RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(BRANCH);
      if (head == null) {
        return List.of();
      }
      walk.markStart(walk.parseCommit(head));
      List<CommitView> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(view(commit));
        if (commits.size() >= limit) {
          break;
        }
      }
      return commits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The unified diff a commit made to its parent, or null when there is no such commit. */
  @Nullable String diff(UUID projectId, String commitId) {
    return git.call(() -> diffOf(projectId, commitId));
  }

  private @Nullable String diffOf(UUID projectId, String commitId) {
    if (!exists(projectId) || !commitId.matches("[0-9a-f]{40}")) {
      return null;
    }
    try (Repository repository = open(projectId);
        RevWalk walk = new RevWalk(repository)) {
      RevCommit commit;
      try {
        commit = walk.parseCommit(ObjectId.fromString(commitId));
      } catch (org.eclipse.jgit.errors.MissingObjectException missing) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DiffFormatter formatter = new DiffFormatter(out)) {
        formatter.setRepository(repository);
        formatter.format(
            commit.getParentCount() == 0 ? null : commit.getParent(0).getTree(), commit.getTree());
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pushes the project's {@code main} to {@code branch} of the remote. Only a fast-forward is made:
   * a remote branch with commits of its own is never overwritten.
   */
  PushView push(UUID projectId, URI remote, String branch, @Nullable String token) {
    String target = Constants.R_HEADS + branch;
    if (!Repository.isValidRefName(target)) {
      throw PushRefused.badBranch(branch);
    }
    return git.call(() -> pushBranch(projectId, remote, target, branch, token));
  }

  private PushView pushBranch(
      UUID projectId, URI remote, String target, String branch, @Nullable String token) {
    if (!exists(projectId)) {
      throw PushRefused.nothingToPush();
    }
    try (Repository repository = open(projectId);
        Git git = Git.wrap(repository)) {
      ObjectId head = repository.resolve(BRANCH);
      if (head == null) {
        throw PushRefused.nothingToPush();
      }
      PushCommand push =
          git.push()
              .setRemote(remote.toString())
              .setRefSpecs(new RefSpec(BRANCH + ":" + target))
              .setTimeout(120);
      if (token != null && !token.isBlank()) {
        push.setCredentialsProvider(
            new UsernamePasswordCredentialsProvider("x-access-token", token));
      }
      RemoteRefUpdate update = null;
      for (PushResult result : push.call()) {
        update = result.getRemoteUpdate(target);
      }
      RemoteRefUpdate.Status status =
          update == null ? RemoteRefUpdate.Status.NOT_ATTEMPTED : update.getStatus();
      return switch (status) {
        case OK, UP_TO_DATE ->
            new PushView(
                remote.toString(),
                branch,
                head.name(),
                status == RemoteRefUpdate.Status.UP_TO_DATE);
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED ->
            throw PushRefused.notFastForward(branch);
        default ->
            throw PushRefused.rejected(
                branch,
                RemoteAddress.redacted(
                    update == null || update.getMessage() == null
                        ? status.name()
                        : update.getMessage(),
                    token));
      };
    } catch (TransportException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("not authorized") || message.contains("Authentication is required")) {
        throw PushRefused.notAuthorized();
      }
      throw PushRefused.unreachable(RemoteAddress.redacted(message, token));
    } catch (GitAPIException e) {
      throw PushRefused.unreachable(RemoteAddress.redacted(e.getMessage(), token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(UUID projectId) {
    git.run(() -> org.springframework.util.FileSystemUtils.deleteRecursively(folder(projectId)));
  }

  private boolean exists(UUID projectId) {
    return new File(folder(projectId), "HEAD").exists();
  }

  private Repository open(UUID projectId) throws IOException {
    File folder = folder(projectId);
    if (!exists(projectId)) {
      try (Git git =
          Git.init().setBare(true).setDirectory(folder).setInitialBranch("main").call()) {
        // created
      } catch (GitAPIException e) {
        throw new IOException("cannot create the history of " + projectId, e);
      }
    }
    return new FileRepositoryBuilder().setGitDir(folder).setMustExist(true).build();
  }

  private File folder(UUID projectId) {
    return data.resolve("history").resolve(projectId + ".git").toFile();
  }

  private static PersonIdent identity(Author author) {
    return switch (author) {
      case USER -> new PersonIdent("BharatBuild user", "user@bharatbuild.local");
      case ASSISTANT -> new PersonIdent("BharatBuild assistant", "assistant@bharatbuild.local");
      case RUN -> new PersonIdent("BharatBuild run", "run@bharatbuild.local");
    };
  }

  private static CommitView view(RevCommit commit) {
    String full = commit.getFullMessage();
    Matcher message = MESSAGE_ID.matcher(full);
    Matcher kind = AUTHOR_KIND.matcher(full);
    return new CommitView(
        commit.getName(),
        commit.getShortMessage(),
        kind.find() ? kind.group(1) : "user",
        message.find() ? UUID.fromString(message.group(1)) : null,
        Instant.ofEpochSecond(commit.getCommitTime()).atOffset(ZoneOffset.UTC));
  }
}
