package com.bharatbuild.shared.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether this instance runs on the embedded file database or on a shared server. */
@Component
public class DatabaseKind {

  private final boolean embedded;

  public DatabaseKind(
      @Value("${" + DatabaseEnvironmentPostProcessor.EMBEDDED_FLAG + ":true}") boolean embedded) {
    this.embedded = embedded;
  }

  public boolean isEmbedded() {
    return embedded;
  }
}
