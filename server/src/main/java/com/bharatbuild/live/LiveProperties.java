package com.bharatbuild.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keptMessages how many recent messages per project a reconnecting tab can catch up on
 * @param queuedMessages how far a tab may fall behind before it is disconnected
 */
@ConfigurationProperties("bharatbuild.live")
record LiveProperties(
    @DefaultValue("2000") int keptMessages,
    @DefaultValue("5000") int queuedMessages,
    @DefaultValue("60s") Duration ticketTtl) {}
