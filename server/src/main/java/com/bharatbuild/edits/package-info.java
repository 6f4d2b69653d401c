/**
 * Turns the AI's file operations into file changes, exactly or not at all: create, modify (a
 * unified diff placed by the tolerant engine in {@code edits.engine}, or whole content), delete and
 * rename, each recorded in the file history with the AI message that made it.
 */
@NullMarked
package com.bharatbuild.edits;

import org.jspecify.annotations.NullMarked;
