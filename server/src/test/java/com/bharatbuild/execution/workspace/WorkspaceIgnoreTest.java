package com.bharatbuild.execution.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspaceIgnoreTest {

  @Test
  void dependencyAndBuildFoldersStayOnDisk() {
    WorkspaceIgnore ignore = WorkspaceIgnore.defaults();

    assertThat(ignore.ignores("node_modules/react/index.js")).isTrue();
    assertThat(ignore.ignores("packages/app/node_modules/x.js")).isTrue();
    assertThat(ignore.ignores("target/classes/App.class")).isTrue();
    assertThat(ignore.ignores(".git/HEAD")).isTrue();
    assertThat(ignore.ignores("src/build.ts")).isFalse();
    assertThat(ignore.ignores("src/App.tsx")).isFalse();
  }

  @Test
  void aProjectAddsItsOwnRules() {
    WorkspaceIgnore ignore =
        WorkspaceIgnore.parse("# generated\n*.log\n/generated/\ntmp\n[bad\n\n");

    assertThat(ignore.ignores("server.log")).isTrue();
    assertThat(ignore.ignores("logs/today.log")).isTrue();
    assertThat(ignore.ignores("generated/api.ts")).isTrue();
    assertThat(ignore.ignores("src/tmp/x.txt")).isTrue();
    assertThat(ignore.ignores("src/generated.ts")).isFalse();
    assertThat(ignore.ignores("node_modules/a.js")).as("defaults stay").isTrue();
  }
}
