package com.bharatbuild.execution;

import com.bharatbuild.execution.terminal.TerminalSocket;
import com.bharatbuild.shared.tickets.TicketHandshake;
import com.bharatbuild.shared.tickets.Tickets;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The terminal's WebSocket. It is authenticated by a one-use ticket rather than the bearer token
 * (browsers cannot set headers on a WebSocket), which also makes the origin check unnecessary: a
 * page on another site cannot obtain a ticket.
 */
@Configuration
@EnableWebSocket
@EnableScheduling
class TerminalWebSocketConfiguration implements WebSocketConfigurer {

  static final String TERMINAL_TICKET = "terminal";

  private final TerminalSessions terminals;
  private final Tickets tickets;

  TerminalWebSocketConfiguration(TerminalSessions terminals, Tickets tickets) {
    this.terminals = terminals;
    this.tickets = tickets;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(new TerminalSocket(terminals), "/api/v1/projects/{projectId}/terminal")
        .addInterceptors(new TicketHandshake(tickets, TERMINAL_TICKET))
        .setAllowedOriginPatterns("*");
  }
}
