package com.bharatbuild.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param startingGrant tokens a new account starts with
 * @param minimumBalance below this many available tokens a reply is refused with 402 (seed: 100)
 */
@ConfigurationProperties("bharatbuild.wallet")
record WalletProperties(
    @DefaultValue("50000") long startingGrant, @DefaultValue("100") long minimumBalance) {}
