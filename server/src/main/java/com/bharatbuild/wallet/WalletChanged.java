package com.bharatbuild.wallet;

import java.util.UUID;

/** A user's balance or what is held of it changed; published inside the changing transaction. */
public record WalletChanged(UUID userId) {}
