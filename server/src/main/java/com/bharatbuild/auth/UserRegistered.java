package com.bharatbuild.auth;

import java.util.UUID;

/** Published in the registering transaction, so other modules can set up what a new user needs. */
public record UserRegistered(UUID userId, String email) {}
