package com.bharatbuild.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A repository to start a project from.
 *
 * @param token for a private repository; used for this clone only, never stored or logged
 */
public record GitImportRequest(
    @NotBlank @Size(max = 2_000) String url,
    @Nullable
        @Size(max = 250)
        @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "is not a branch name")
        String branch,
    @Nullable @Size(max = 1_000) String token,
    @Nullable @Size(max = 255) String name) {

  @Override
  public String toString() {
    // a token must never reach a log line through this record
    return "GitImportRequest[url=" + url + ", branch=" + branch + ", name=" + name + "]";
  }
}
