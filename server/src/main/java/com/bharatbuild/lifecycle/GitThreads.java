package com.bharatbuild.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.jspecify.annotations.Nullable;

/**
 * Runs every JGit call on a few platform threads of its own. JGit initialises classes that depend
 * on each other from several places; a virtual thread that waits for another thread's class
 * initialisation holds its carrier, and with two cores two such waits stopped the whole server
 * (every request hung in CI). A virtual thread that waits here for a platform thread's answer lets
 * its carrier go.
 *
 * <p>JGit is also kept away from the server account's own git set-up: no {@code ~/.gitconfig}, no
 * system config, nothing written under {@code ~/.config/jgit}. The histories are the server's, so a
 * user's {@code commit.gpgsign} or {@code core.autocrlf} must not change them.
 */
final class GitThreads implements AutoCloseable {

  private final ExecutorService threads =
      Executors.newFixedThreadPool(2, Thread.ofPlatform().name("git-", 0).daemon().factory());

  GitThreads(Path warmUpFolder) {
    ServerOnlyGitConfig.install();
    // initialise JGit's file system classes once, here, before any request can race to it
    FS.FileStoreAttributes.setBackground(true);
    try {
      Files.createDirectories(warmUpFolder);
      FS.FileStoreAttributes.get(warmUpFolder);
    } catch (IOException e) {
      // the history folder is created again where it is used; this was only a warm-up
    }
  }

  /** Runs {@code work} on a git thread and returns its result or throws its exception. */
  <T> T call(Callable<T> work) {
    Future<T> result = threads.submit(work);
    try {
      return result.get();
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for git", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Empty, unsaved user, system and JGit configs. */
  private static final class ServerOnlyGitConfig extends SystemReader.Delegate {

    private ServerOnlyGitConfig(SystemReader delegate) {
      super(delegate);
    }

    static synchronized void install() {
      SystemReader current = SystemReader.getInstance();
      if (!(current instanceof ServerOnlyGitConfig)) {
        SystemReader.setInstance(new ServerOnlyGitConfig(current));
      }
    }

    @Override
    public FileBasedConfig openUserConfig(@Nullable Config parent, FS fs) {
      return new InMemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(@Nullable Config parent, FS fs) {
      return new InMemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(@Nullable Config parent, FS fs) {
      return new InMemoryConfig(parent, fs);
    }
  }

  private static final class InMemoryConfig extends FileBasedConfig {

    InMemoryConfig(@Nullable Config parent, FS fs) {
      super(parent, null, fs);
    }

    @Override
    public void load() {
      // nothing on disk to read
    }

    @Override
    public void save() {
      // nothing on disk to write
    }

    @Override
    public boolean isOutdated() {
      return false;
    }
  }
}
