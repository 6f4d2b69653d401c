package com.bharatbuild.shared.web;

import java.io.IOException;

/** Thrown while reading a body that grew past the configured limit without announcing its size. */
public class RequestTooLarge extends IOException {

  public RequestTooLarge(long limit) {
    super("The request body is larger than the limit of " + limit + " bytes");
  }
}
