package com.bharatbuild.auth;

/**
 * A session: a short-lived access token and the refresh token that renews it.
 *
 * @param expiresIn seconds until the access token expires
 */
public record AuthResponse(
    String accessToken, String refreshToken, long expiresIn, UserView user) {}
