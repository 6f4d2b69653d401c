package com.bharatbuild.shared.tickets;

import com.bharatbuild.shared.tickets.Tickets.Ticket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a WebSocket upgrade only with a valid one-use ticket for the project in its path; anything
 * else is refused with 401 before the upgrade, so nothing of the project is sent.
 */
public final class TicketHandshake implements HandshakeInterceptor {

  public static final String USER = "bharatbuild.user";
  public static final String PROJECT = "bharatbuild.project";
  private static final Pattern PROJECT_IN_PATH = Pattern.compile("/projects/([0-9a-fA-F-]{36})/");

  private final Tickets tickets;
  private final String purpose;

  public TicketHandshake(Tickets tickets, String purpose) {
    this.tickets = tickets;
    this.purpose = purpose;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    Optional<Ticket> ticket = ticketOf(request);
    if (ticket.isEmpty()) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
    attributes.put(USER, ticket.get().userId());
    attributes.put(PROJECT, ticket.get().projectId());
    return true;
  }

  private Optional<Ticket> ticketOf(ServerHttpRequest request) {
    Matcher matcher = PROJECT_IN_PATH.matcher(request.getURI().getPath() + "/");
    String value =
        UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
    if (!matcher.find() || value == null || value.isBlank()) {
      return Optional.empty();
    }
    UUID projectId;
    try {
      projectId = UUID.fromString(matcher.group(1));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    return tickets.redeem(value, purpose, projectId);
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception exception) {}
}
