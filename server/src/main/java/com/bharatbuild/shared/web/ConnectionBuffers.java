package com.bharatbuild.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Smaller per-connection buffers. Every open tab holds a WebSocket or two for hours, and Tomcat's
 * default buffers made up almost all of an idle connection's memory: 8 KiB each for socket reads
 * and writes, three of 8 KiB per WebSocket (frame input, output, text encoding) and the text and
 * binary message buffers. Messages from tabs are small; larger ones go in more, smaller pieces (a
 * write bigger than the socket buffer bypasses it; the terminal reads long pastes in parts and asks
 * for a larger message buffer for its own sessions).
 */
@Configuration
class ConnectionBuffers {

  /** Tomcat reads it once, when its WebSocket classes first load. */
  static final String FRAME_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

  static final int SOCKET_BUFFER = 1_024;
  static final int FRAME_BUFFER = 1_024;

  /** What a WebSocket session may receive in one piece unless its endpoint asks for more. */
  static final int MESSAGE_BUFFER = 512;

  static {
    // before Tomcat starts, so before any WebSocket class of it is initialised; a value set on the
    // command line wins
    if (System.getProperty(FRAME_BUFFER_PROPERTY) == null) {
      System.setProperty(FRAME_BUFFER_PROPERTY, Integer.toString(FRAME_BUFFER));
    }
  }

  @Bean
  TomcatConnectorCustomizer smallSocketBuffers() {
    return connector -> {
      connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER));
      connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER));
    };
  }

  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(MESSAGE_BUFFER);
    container.setMaxBinaryMessageBufferSize(MESSAGE_BUFFER);
    return container;
  }
}
