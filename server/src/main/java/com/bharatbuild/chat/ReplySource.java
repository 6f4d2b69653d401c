package com.bharatbuild.chat;

import java.util.List;

/**
 * The events of one reply as a stream can follow them: event {@code n} has id {@code n}. The reply
 * runs on this instance ({@link ReplyRun}) or on another one ({@link RemoteReply}).
 */
interface ReplySource {

  /** The events after {@code lastSeen}, at once; empty when there are none yet. */
  List<String> eventsAfter(long lastSeen);

  boolean isFinished();

  /**
   * A stream starts following: {@code wake} runs on the thread that adds events or ends the reply,
   * after each change, and must not block.
   */
  void attach(Runnable wake);

  /** A stream stops following (its client went away or the reply ended). */
  void detach(Runnable wake);
}
