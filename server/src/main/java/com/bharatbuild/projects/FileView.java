package com.bharatbuild.projects;

import java.time.OffsetDateTime;

public record FileView(
    String path, String content, String language, int size, int version, OffsetDateTime updatedAt) {

  FileSummary summary() {
    return new FileSummary(path, language, size, version, updatedAt);
  }
}
