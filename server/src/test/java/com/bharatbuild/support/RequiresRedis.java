package com.bharatbuild.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class only when {@code TEST_REDIS_URL} names a Redis to use; says so otherwise. */
public final class RequiresRedis implements ExecutionCondition {

  public static String url() {
    String url = System.getenv("TEST_REDIS_URL");
    return url == null ? "" : url.trim();
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return url().isEmpty()
        ? ConditionEvaluationResult.disabled(
            "Redis tests skipped: set TEST_REDIS_URL (for example redis://127.0.0.1:6379) to run them")
        : ConditionEvaluationResult.enabled("Redis at " + url());
  }
}
