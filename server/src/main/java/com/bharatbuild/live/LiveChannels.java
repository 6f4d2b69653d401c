package com.bharatbuild.live;

import com.bharatbuild.shared.redis.SharedRedis;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every project's channel on this instance. A channel exists while a tab is connected or a message
 * was published recently, so a reconnecting tab finds what it missed.
 */
@Component
class LiveChannels {

  static final JsonMapper JSON = JsonMapper.builder().build();
  // a tab pings every 20 s; three missed pings and its socket is considered dead
  private static final Duration SILENCE = Duration.ofSeconds(60);
  private static final Duration KEEP_UNWATCHED = Duration.ofMinutes(5);

  private final Map<UUID, ProjectChannel> channels = new ConcurrentHashMap<>();
  private final LiveProperties settings;
  private final LiveRelay relay;

  LiveChannels(LiveProperties settings, SharedRedis redis) {
    this.settings = settings;
    this.relay =
        redis.enabled()
            ? new RedisLiveRelay(redis, this)
            : new LocalRelay(UUID.randomUUID().toString());
  }

  /** Identifies the numbering: after a restart without Redis, sequence numbers start again. */
  String epoch() {
    return relay.epoch();
  }

  ProjectChannel channel(UUID projectId, UUID ownerId) {
    return channels.computeIfAbsent(
        projectId,
        id -> new ProjectChannel(id, ownerId, settings.keptMessages(), relay.currentSeq(id)));
  }

  /** Hands a numbered message to this instance's channel of the project, if it has one. */
  void deliver(UUID projectId, long seq, String body) {
    ProjectChannel channel = channels.get(projectId);
    if (channel != null) {
      channel.deliver(seq, body);
    }
  }

  /** Numbers messages on this instance: one instance, or tabs that never move between them. */
  private final class LocalRelay implements LiveRelay {
    private final String epoch;

    LocalRelay(String epoch) {
      this.epoch = epoch;
    }

    @Override
    public void publish(UUID projectId, String body) {
      ProjectChannel channel = channels.get(projectId);
      if (channel != null) {
        channel.publish(body);
      }
    }

    @Override
    public long currentSeq(UUID projectId) {
      return 0;
    }

    @Override
    public String epoch() {
      return epoch;
    }
  }

  /**
   * Publishes to a project's channel if it has one. A project no tab has open has no channel, so
   * nothing is kept for it; a tab that opens it later loads its state first.
   */
  void publish(UUID projectId, String type, ObjectNode fields) {
    if (!wanted(projectId)) {
      return;
    }
    relay.publish(projectId, body(type, fields));
  }

  /**
   * Whether a message for the project can reach a tab: it has a channel here, or another instance
   * may have one.
   */
  boolean wanted(UUID projectId) {
    return !(relay instanceof LocalRelay) || channels.containsKey(projectId);
  }

  boolean isOpen(UUID projectId) {
    return channels.containsKey(projectId);
  }

  boolean ownerHasOpenChannels(UUID ownerId) {
    return channels.values().stream().anyMatch(channel -> channel.ownerId().equals(ownerId));
  }

  /** Publishes to every open channel of a user's projects (their balance, say). */
  void publishToOwner(UUID ownerId, String type, ObjectNode fields) {
    String body = body(type, fields);
    channels.values().stream()
        .filter(channel -> channel.ownerId().equals(ownerId))
        .forEach(channel -> relay.publish(channel.projectId(), body));
  }

  void forget(UUID projectId) {
    ProjectChannel channel = channels.remove(projectId);
    if (channel != null) {
      channel
          .clients()
          .forEach(client -> client.close(CloseStatus.NORMAL.withReason("project deleted")));
    }
  }

  @Scheduled(fixedDelay = 20_000)
  void heartbeat() {
    long silence = SILENCE.toNanos();
    // kept a while after the last tab left, so a tab that reconnects can still catch up
    channels.values().removeIf(channel -> channel.unwatchedFor(KEEP_UNWATCHED.toNanos()));
    channels
        .values()
        .forEach(
            channel ->
                channel
                    .clients()
                    .forEach(
                        client -> {
                          if (client.silentFor(silence)) {
                            client.close(
                                CloseStatus.SESSION_NOT_RELIABLE.withReason(
                                    "no ping from the tab"));
                            channel.leave(client);
                          } else {
                            client.sendNow(new PingMessage());
                          }
                        }));
  }

  private static String body(String type, ObjectNode fields) {
    ObjectNode message = JSON.createObjectNode();
    message.put("type", type);
    message.setAll(fields);
    String json = JSON.writeValueAsString(message);
    return json.substring(1, json.length() - 1);
  }
}
