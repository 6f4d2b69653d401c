/**
 * The token wallet: a starting grant for new users, balances, reservations that keep concurrent
 * replies from overspending, and settlement to exactly the usage a provider reported. Other modules
 * use {@link com.bharatbuild.wallet.TokenWallet}.
 */
@NullMarked
package com.bharatbuild.wallet;

import org.jspecify.annotations.NullMarked;
