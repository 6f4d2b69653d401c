/**
 * The AI chat of a project: messages, the streamed reply with its event stream (status, thinking,
 * text, file operations, complete or error), stop, regenerate and resume. A reply runs on its own
 * virtual thread, independent of the HTTP connection that asked for it, so a refresh can reattach
 * with {@code Last-Event-ID} and nothing said is lost when a client goes away.
 */
@NullMarked
package com.bharatbuild.chat;

import org.jspecify.annotations.NullMarked;
