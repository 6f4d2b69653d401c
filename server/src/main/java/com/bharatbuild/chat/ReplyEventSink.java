package com.bharatbuild.chat;

/**
 * Receives every event of every reply generated on this instance, on the reply's own thread, as it
 * is appended; the module that shows replies live in other tabs implements it. Chunks take this
 * direct path rather than an application event because publishing one per chunk cost about a tenth
 * of the server's CPU at 1,000 streams (the publisher resolves the payload's generic type for every
 * event). An implementation must return at once, above all for projects nobody watches.
 */
public interface ReplyEventSink {

  void appended(ReplyEventAppended event);
}
