package com.bharatbuild.chat;

import java.util.UUID;

/**
 * One event of a reply in progress, exactly as the chat event stream sends it, so another tab can
 * render the reply live.
 *
 * @param event the event's JSON
 */
public record ReplyEventAppended(UUID projectId, UUID userId, UUID messageId, String event) {}
