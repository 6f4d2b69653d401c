package com.bharatbuild.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Smaller per-connection buffers. Every open tab holds a WebSocket or two for hours, and Tomcat's
 * default buffers (8 KiB each for socket reads and writes, the frame input, the text message of 8 K
 * characters and the binary message) made up almost all of an idle connection's memory. Messages
 * from tabs are small; the terminal, whose pastes can be long, reads them in parts.
 */
@Configuration
class ConnectionBuffers {

  static final int SOCKET_BUFFER = 4_096;
  static final int MESSAGE_BUFFER = 2_048;

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
