package com.bharatbuild.execution;

import java.time.Instant;

/** A one-use ticket for a WebSocket or the first load of a preview. */
public record TicketView(String ticket, Instant expiresAt) {}
