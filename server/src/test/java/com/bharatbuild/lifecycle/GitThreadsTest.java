package com.bharatbuild.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit work leaves virtual threads: it runs on platform threads, with no user git config. */
class GitThreadsTest {

  @TempDir Path folder;

  @Test
  void workFromAVirtualThreadRunsOnAPlatformThreadAndItsFailureComesBack() throws Exception {
    try (GitThreads git = new GitThreads(folder.resolve("history"))) {
      boolean[] virtual = new boolean[1];
      Thread caller =
          Thread.ofVirtual()
              .start(() -> virtual[0] = git.call(() -> Thread.currentThread().isVirtual()));
      caller.join();

      assertThat(virtual[0]).isFalse();
      assertThatThrownBy(
              () ->
                  git.call(
                      () -> {
                        throw new IllegalArgumentException("bad ref");
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad ref");
    }
  }

  @Test
  void theServerAccountsGitConfigIsNotRead() throws Exception {
    try (GitThreads git = new GitThreads(folder.resolve("history"))) {
      var user = SystemReader.getInstance().openUserConfig(null, org.eclipse.jgit.util.FS.DETECTED);
      user.load();

      assertThat(user.getFile()).isNull();
      assertThat(user.getSections()).isEmpty();
    }
  }
}
