package com.bharatbuild.execution.workspace;

import java.util.List;

/**
 * What taking a workspace back into the project's files did.
 *
 * @param refused paths that could not be taken, each with the reason
 */
public record SyncResult(List<String> changed, List<String> deleted, List<String> refused) {}
