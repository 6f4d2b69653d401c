/** Turns build tools' and dev servers' output into problems for the Problems tab. */
@NullMarked
package com.bharatbuild.execution.problems;

import org.jspecify.annotations.NullMarked;
