package com.bharatbuild.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only on the test class path: an endpoint that fails the way a bug would. */
@Hidden
@RestController
class FailingTestController {

  @GetMapping("/api/v1/test-only/failure")
  String fail() {
    throw new IllegalStateException("secret internal detail: db password is hunter2");
  }
}
