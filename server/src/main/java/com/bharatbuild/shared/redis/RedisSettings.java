package com.bharatbuild.shared.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url the Redis that instances share ({@code redis://host:6379}); blank runs everything
 *     in-process, as one instance does
 */
@ConfigurationProperties("bharatbuild.redis")
public record RedisSettings(@DefaultValue("") String url) {}
