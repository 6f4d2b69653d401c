package com.bharatbuild.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the PostgreSQL pass, with the reason, when no PostgreSQL URL was given. */
public class RequiresSelectedDatabase implements ExecutionCondition {

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TestDatabase.postgresSelected() && TestDatabase.postgresUrl().isEmpty()) {
      String reason =
          "PostgreSQL tests skipped: set "
              + TestDatabase.URL_VARIABLE
              + " (for example postgresql://postgres@127.0.0.1:5432/test) to run them";
      if (TOLD.compareAndSet(false, true)) {
        System.out.println(reason);
      }
      return ConditionEvaluationResult.disabled(reason);
    }
    return ConditionEvaluationResult.enabled("running on " + TestDatabase.name());
  }
}
