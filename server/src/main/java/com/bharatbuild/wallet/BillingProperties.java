package com.bharatbuild.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param manualGateway {@code auto}: on with the embedded database, off on a shared one; or {@code
 *     true} / {@code false}
 * @param defaultGateway the gateway a purchase uses when it names none
 */
@ConfigurationProperties("bharatbuild.billing")
record BillingProperties(
    @DefaultValue("auto") String manualGateway, @DefaultValue("manual") String defaultGateway) {}
