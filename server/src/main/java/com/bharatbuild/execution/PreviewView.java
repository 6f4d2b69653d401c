package com.bharatbuild.execution;

import java.time.Instant;

/**
 * Where to open the project's preview: a URL on the preview origin carrying a one-use ticket, which
 * the preview exchanges for a cookie of its own origin.
 */
public record PreviewView(String url, Instant expiresAt) {}
