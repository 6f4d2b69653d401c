package com.bharatbuild.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an imported archive may hold.
 *
 * @param maxRatio the most an entry may expand over its compressed size (zip bombs expand by
 *     thousands)
 * @param allowFileUrls whether {@code file:} repository addresses may be cloned (tests only: they
 *     read the server's own disk)
 */
@ConfigurationProperties("bharatbuild.import")
record ImportProperties(
    @DefaultValue("5000") int maxEntries,
    @DefaultValue("50MB") DataSize maxTotal,
    @DefaultValue("1MB") DataSize maxFile,
    @DefaultValue("100") int maxRatio,
    @DefaultValue("false") boolean allowFileUrls) {}
