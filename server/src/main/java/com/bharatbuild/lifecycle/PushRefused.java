package com.bharatbuild.lifecycle;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A push that did not change the remote; the reason says why. */
final class PushRefused extends ApiProblem {

  private PushRefused(HttpStatus status, String code, String detail) {
    super(status, code, "Push refused", detail);
  }

  static PushRefused badBranch(String branch) {
    return new PushRefused(HttpStatus.BAD_REQUEST, "bad-branch", branch + " is not a branch name");
  }

  static PushRefused nothingToPush() {
    return new PushRefused(
        HttpStatus.CONFLICT, "nothing-to-push", "The project has no files to push yet");
  }

  static PushRefused notFastForward(String branch) {
    return new PushRefused(
        HttpStatus.CONFLICT,
        "push-rejected",
        "The remote branch "
            + branch
            + " has commits this project does not have; push to a new branch instead");
  }

  static PushRefused rejected(String branch, String reason) {
    return new PushRefused(
        HttpStatus.CONFLICT,
        "push-rejected",
        "The remote refused the push to " + branch + ": " + reason);
  }

  static PushRefused notAuthorized() {
    return new PushRefused(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "remote-not-authorized",
        "The remote asked for credentials it did not get or did not accept; give a token with"
            + " write access");
  }

  static PushRefused unreachable(String reason) {
    return new PushRefused(
        HttpStatus.BAD_GATEWAY,
        "remote-unreachable",
        "The push did not reach the remote: " + reason);
  }
}
