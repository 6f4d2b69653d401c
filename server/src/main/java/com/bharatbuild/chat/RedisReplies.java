package com.bharatbuild.chat;

import com.bharatbuild.shared.redis.SharedRedis;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Replies shared between instances through Redis, when {@code REDIS_URL} is set. Each reply's
 * events go to a Redis Stream of its own, with the event's id as the entry id ({@code 0-n}),
 * bounded and expiring after the replay retention; a stream of the reply on any instance reads it
 * from there and follows it on a notification per event. A stop reaches the instance that runs the
 * reply, and an instance that follows a reply keeps a watch key alive so the running instance does
 * not take the reply for abandoned.
 */
@Component
class RedisReplies implements ReplyMirror, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RedisReplies.class);
  private static final String EVENTS = "bharatbuild:reply:";
  private static final String NOTIFY = "bharatbuild:reply-notify:";
  private static final String WATCH = "bharatbuild:reply-watch:";
  private static final String STOP = "bharatbuild:reply-stop";
  private static final String EVENT = "e";
  private static final String END = "end";
  // generous: a 200 KB answer arrives in a few thousand chunks
  private static final long MAX_EVENTS = 50_000;
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration WATCH_TTL = POLL.multipliedBy(3);
  // a silent reply's saved state is looked up at most this often
  private static final Duration ASK_DATABASE_AFTER = Duration.ofSeconds(2);

  private final SharedRedis redis;
  private final ChatProperties settings;
  private final Map<UUID, Followed> followed = new ConcurrentHashMap<>();
  private volatile Consumer<UUID> stopHandler = id -> {};
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("reply-follower").factory());

  /** A reply followed here, and how to learn how it ended if its instance died. */
  private record Followed(RemoteReply reply, Function<UUID, Optional<String>> ending) {}

  RedisReplies(SharedRedis redis, ChatProperties settings) {
    this.redis = redis;
    this.settings = settings;
    if (redis.enabled()) {
      redis.listen(NOTIFY + "*", (channel, id) -> notified(channel));
      redis.listen(STOP, (channel, id) -> stopped(id));
      poller.scheduleWithFixedDelay(
          this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  boolean enabled() {
    return redis.enabled();
  }

  /** Where a reply started here copies its events: Redis, or nowhere on a single instance. */
  ReplyMirror mirror() {
    return redis.enabled() ? this : ReplyMirror.NONE;
  }

  @Override
  public void appended(UUID replyId, long id, String json) {
    add(replyId, id, Map.of(EVENT, json));
  }

  @Override
  public void ended(UUID replyId, long count) {
    add(replyId, count + 1, Map.of(END, "1"));
  }

  private void add(UUID replyId, long id, Map<String, String> fields) {
    String key = EVENTS + replyId;
    var commands = redis.async();
    commands.xadd(
        key, new XAddArgs().id("0-" + id).maxlen(MAX_EVENTS).approximateTrimming(), fields);
    commands.pexpire(key, settings.replayRetention().toMillis());
    commands.publish(NOTIFY + replyId, Long.toString(id));
  }

  /** Runs {@code handler} with the message id of every stop asked for on any instance. */
  void onStop(Consumer<UUID> handler) {
    this.stopHandler = handler;
  }

  /** Asks every instance to stop the reply with this id (or answering the message with it). */
  void stop(UUID messageId) {
    redis.sync().publish(STOP, messageId.toString());
  }

  /** Whether a stream on another instance follows the reply. */
  boolean watchedElsewhere(UUID replyId) {
    return redis.enabled() && redis.sync().exists(WATCH + replyId) > 0;
  }

  /**
   * Follows a reply that another instance runs, if its events are in Redis.
   *
   * @param ending the last event of the reply once it is saved as ended (its instance died), or
   *     empty while it is still streaming
   */
  Optional<ReplySource> follow(UUID replyId, Function<UUID, Optional<String>> ending) {
    if (!redis.enabled() || redis.sync().exists(EVENTS + replyId) == 0) {
      return Optional.empty();
    }
    Followed entry =
        followed.computeIfAbsent(replyId, id -> new Followed(new RemoteReply(id), ending));
    watch(replyId);
    read(entry);
    return Optional.of(entry.reply());
  }

  private void watch(UUID replyId) {
    redis.async().set(WATCH + replyId, "1", SetArgs.Builder.px(WATCH_TTL.toMillis()));
  }

  private void notified(String channel) {
    Followed entry = followed.get(UUID.fromString(channel.substring(NOTIFY.length())));
    if (entry != null) {
      // not on Lettuce's event thread: reading waits for Redis
      Thread.ofVirtual().name("reply-follower").start(() -> read(entry));
    }
  }

  private void stopped(String messageId) {
    stopHandler.accept(UUID.fromString(messageId));
  }

  private void poll() {
    for (Followed entry : followed.values()) {
      try {
        RemoteReply reply = entry.reply();
        if (reply.followed()) {
          watch(reply.replyId());
          read(entry);
        } else if (reply.isFinished() || reply.unused(settings.disconnectGrace())) {
          followed.remove(reply.replyId(), entry);
        }
      } catch (RuntimeException e) {
        // Redis away for a moment: the next poll reads what was missed
        log.warn("Could not follow reply {}: {}", entry.reply().replyId(), e.toString());
      }
    }
  }

  /** Reads what is new; one reader per reply at a time, so nothing is added twice. */
  private void read(Followed entry) {
    RemoteReply reply = entry.reply();
    synchronized (entry) {
      if (reply.isFinished()) {
        return;
      }
      List<StreamMessage<String, String>> entries =
          redis
              .sync()
              .xrange(EVENTS + reply.replyId(), Range.create("0-" + (reply.read() + 1), "+"));
      List<String> events = new ArrayList<>();
      boolean end = false;
      for (StreamMessage<String, String> message : entries) {
        if (message.getBody().containsKey(END)) {
          end = true;
          break;
        }
        events.add(message.getBody().get(EVENT));
      }
      reply.add(events, end);
      if (!end && events.isEmpty() && reply.silentFor().compareTo(ASK_DATABASE_AFTER) >= 0) {
        // its instance may have died: the sweep then saves it as interrupted
        entry.ending().apply(reply.replyId()).ifPresent(last -> reply.add(List.of(last), true));
      }
    }
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
