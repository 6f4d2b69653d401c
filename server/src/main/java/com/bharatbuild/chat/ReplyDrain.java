package com.bharatbuild.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping instance does (before the web server stops taking requests): refuse
 * new replies with 503, give running ones the grace period to finish, and save the rest as
 * interrupted, so no reply is left streaming and no client waits on a dead stream. A context that
 * is stopped and started again (Spring's test framework pauses cached contexts) takes replies
 * again.
 */
@Component
class ReplyDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReplyDrain.class);

  private final ReplyRegistry registry;
  private final ChatProperties settings;
  private volatile boolean running;

  ReplyDrain(ReplyRegistry registry, ChatProperties settings) {
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public void start() {
    registry.accept();
    running = true;
  }

  @Override
  public void stop() {
    try {
      int cut = registry.drain(settings.shutdownGrace());
      if (cut > 0) {
        log.warn(
            "Shutting down: {} replies did not finish in time and were saved as interrupted", cut);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
