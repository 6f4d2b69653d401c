package com.bharatbuild.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where to push a project's history.
 *
 * @param branch the remote branch that receives the project's {@code main}
 * @param token for a private repository; used for this push only, never stored or logged
 */
public record PushRequest(
    @NotBlank @Size(max = 2_000) String url,
    @NotBlank @Size(max = 250) String branch,
    @Nullable @Size(max = 1_000) String token) {

  @Override
  public String toString() {
    return "PushRequest[url=" + url + ", branch=" + branch + "]";
  }
}
