package com.bharatbuild.live;

import com.bharatbuild.shared.tickets.TicketHandshake;
import com.bharatbuild.shared.tickets.Tickets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The project channel's WebSocket, admitted by a one-use ticket like the terminal's. */
@Configuration
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration implements WebSocketConfigurer {

  private final LiveChannels channels;
  private final LiveProperties settings;
  private final Tickets tickets;

  LiveConfiguration(LiveChannels channels, LiveProperties settings, Tickets tickets) {
    this.channels = channels;
    this.settings = settings;
    this.tickets = tickets;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(new LiveSocket(channels, settings), "/api/v1/projects/{projectId}/events")
        .addInterceptors(new TicketHandshake(tickets, LiveController.TICKET_PURPOSE))
        .setAllowedOriginPatterns("*");
  }
}
