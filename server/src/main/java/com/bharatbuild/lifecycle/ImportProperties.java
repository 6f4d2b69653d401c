package com.bharatbuild.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an imported archive may hold, and which repository addresses are accepted.
 *
 * @param maxRatio the most an entry may expand over its compressed size (zip bombs expand by
 *     thousands)
 * @param allowLocalUrls whether {@code file:} and plain {@code http:} repository addresses may be
 *     cloned or pushed to (tests only: they reach the server's own disk and loopback)
 */
@ConfigurationProperties("bharatbuild.import")
record ImportProperties(
    @DefaultValue("5000") int maxEntries,
    @DefaultValue("50MB") DataSize maxTotal,
    @DefaultValue("1MB") DataSize maxFile,
    @DefaultValue("100") int maxRatio,
    @DefaultValue("false") boolean allowLocalUrls) {}
