package com.bharatbuild.execution.sandbox;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Commands cannot be isolated on this server, so none are run. */
public final class SandboxUnavailable extends ApiProblem {

  public SandboxUnavailable(String detail) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "sandbox-unavailable", "Sandbox unavailable", detail);
  }
}
