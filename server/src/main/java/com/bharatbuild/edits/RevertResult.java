package com.bharatbuild.edits;

import java.util.List;

/**
 * @param reverted paths restored to what they were before the message
 * @param conflicts paths the user changed since; left alone unless the revert was forced
 */
public record RevertResult(List<String> reverted, List<String> conflicts) {}
