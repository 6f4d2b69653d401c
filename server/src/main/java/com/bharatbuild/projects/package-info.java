/**
 * Projects and their versioned text files. Every query is scoped to the owner, so another user's
 * project or file is indistinguishable from one that does not exist. Each change of a file leaves
 * its new state in the version history, which the edit engine reverts from.
 */
@NullMarked
package com.bharatbuild.projects;

import org.jspecify.annotations.NullMarked;
