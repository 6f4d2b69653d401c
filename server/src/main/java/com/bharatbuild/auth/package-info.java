/**
 * Accounts and sessions: registration, login with throttling, JWT access tokens and rotating
 * refresh tokens. Other modules learn who is calling through {@link
 * com.bharatbuild.auth.CurrentUserId} and nothing else.
 */
@NullMarked
package com.bharatbuild.auth;

import org.jspecify.annotations.NullMarked;
