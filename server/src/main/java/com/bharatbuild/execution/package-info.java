/**
 * Runs a project's code on the server: each project has a workspace directory mirroring its files,
 * every command runs in that workspace inside a sandbox, a live terminal attaches to it over a
 * WebSocket, build output is turned into problems, and the dev server is shown on a separate
 * preview origin.
 */
@NullMarked
package com.bharatbuild.execution;

import org.jspecify.annotations.NullMarked;
