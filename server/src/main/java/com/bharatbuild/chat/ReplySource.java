package com.bharatbuild.chat;

import java.time.Duration;
import java.util.List;

/**
 * The events of one reply as a stream can follow them: event {@code n} has id {@code n}. The reply
 * runs on this instance ({@link ReplyRun}) or on another one ({@link RemoteReply}).
 */
interface ReplySource {

  /**
   * The events after {@code lastSeen}, waiting up to {@code timeout} for one to arrive.
   *
   * @return an empty list on time-out, or when the reply has ended and everything was read
   */
  List<String> eventsAfter(long lastSeen, Duration timeout) throws InterruptedException;

  boolean isFinished();

  /** A stream starts following. */
  void attach();

  /** A stream stops following (its client went away or the reply ended). */
  void detach();
}
