package com.bharatbuild.live;

import java.util.UUID;

/**
 * How a message reaches the tabs of a project: on this instance only, or through Redis to every
 * instance, so a tab connected to one instance sees what another did.
 */
interface LiveRelay {

  /** Numbers the message and delivers it to every instance's channel of the project. */
  void publish(UUID projectId, String body);

  /** The last number given to a message of the project. */
  long currentSeq(UUID projectId);

  /** Names the numbering; it changes when the numbering starts again. */
  String epoch();
}
