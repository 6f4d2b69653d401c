package com.bharatbuild.lifecycle;

import com.bharatbuild.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An archive that cannot be imported; nothing of it was written. */
final class ArchiveRefused extends ApiProblem {

  private ArchiveRefused(HttpStatus status, String code, String detail) {
    super(status, code, "Archive refused", detail);
  }

  static ArchiveRefused hostile(String detail) {
    return new ArchiveRefused(HttpStatus.BAD_REQUEST, "archive-refused", detail);
  }

  static ArchiveRefused tooLarge(String detail) {
    return new ArchiveRefused(HttpStatus.CONTENT_TOO_LARGE, "archive-too-large", detail);
  }
}
