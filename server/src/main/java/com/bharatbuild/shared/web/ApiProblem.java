package com.bharatbuild.shared.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a client can act on. Modules extend it with named exceptions and static factories; it is
 * rendered as {@code application/problem+json} with a stable {@code code}.
 */
public abstract class ApiProblem extends ErrorResponseException {

  private static final String TYPE_PREFIX = "urn:bharatbuild:problem:";

  protected ApiProblem(HttpStatus status, String code, String title, String detail) {
    super(status, problem(status, code, title, detail), null);
  }

  /** The body of a problem with a stable {@code code}, for handlers that build one themselves. */
  static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
