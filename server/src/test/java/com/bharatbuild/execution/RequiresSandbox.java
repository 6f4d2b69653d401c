package com.bharatbuild.execution;

import com.bharatbuild.execution.sandbox.BubblewrapRunner;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where bubblewrap is installed ({@code .ci/run} installs it), and says why
 * it was skipped elsewhere.
 */
public final class RequiresSandbox implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return BubblewrapRunner.find() != null
        ? ConditionEvaluationResult.enabled("bubblewrap is installed")
        : ConditionEvaluationResult.disabled(
            "Sandbox tests skipped: install bubblewrap (apt-get install bubblewrap) to run them");
  }
}
