package com.bharatbuild.shared.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerWindow how many API requests one user may make per window, across instances
 * @param requestWindow the window the requests are counted in
 */
@ConfigurationProperties("bharatbuild.limits")
public record LimitSettings(
    @DefaultValue("1200") int requestsPerWindow, @DefaultValue("1m") Duration requestWindow) {}
