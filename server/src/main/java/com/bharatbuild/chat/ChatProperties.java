package com.bharatbuild.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param disconnectGrace how long a reply keeps generating with no client attached (a refresh)
 * @param replayRetention how long a finished reply's events stay available for resuming
 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open
 * @param historyMessages how many earlier messages the prompt may include, at most
 */
@ConfigurationProperties("bharatbuild.chat")
record ChatProperties(
    @DefaultValue("5s") Duration disconnectGrace,
    @DefaultValue("2m") Duration replayRetention,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("2s") Duration saveInterval,
    @DefaultValue("20") int historyMessages) {}
