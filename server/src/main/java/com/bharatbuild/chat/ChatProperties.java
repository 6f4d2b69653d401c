package com.bharatbuild.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param disconnectGrace how long a reply keeps generating with no client attached (a refresh)
 * @param replayRetention how long a finished reply's events stay available for resuming
 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open
 * @param historyMessages how many earlier messages the prompt may include, at most
 * @param staleAfter how long a streaming reply may go without its instance's heartbeat before any
 *     instance marks it interrupted (its instance crashed or was killed)
 * @param shutdownGrace how long a stopping instance lets running replies finish before it cuts them
 *     off as interrupted (keep it under the shutdown phase timeout)
 * @param maxRepliesPerUser how many replies one user may have streaming at once, on all instances
 */
@ConfigurationProperties("bharatbuild.chat")
record ChatProperties(
    @DefaultValue("5s") Duration disconnectGrace,
    @DefaultValue("2m") Duration replayRetention,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("2s") Duration saveInterval,
    @DefaultValue("20") int historyMessages,
    @DefaultValue("60s") Duration staleAfter,
    @DefaultValue("20s") Duration shutdownGrace,
    @DefaultValue("50") int maxRepliesPerUser) {}
