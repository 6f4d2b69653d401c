package com.bharatbuild.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bharatbuild.support.HttpTest;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** Tomcat's WebSocket buffers really are the small ones: it reads their size only once. */
class ConnectionBuffersHttpTest extends HttpTest {

  @Test
  void tomcatsWebSocketFrameBuffersAreTheSmallOnes() throws Exception {
    Field size =
        Class.forName("org.apache.tomcat.websocket.Constants")
            .getDeclaredField("DEFAULT_BUFFER_SIZE");
    size.setAccessible(true);

    assertThat(size.getInt(null)).isEqualTo(ConnectionBuffers.FRAME_BUFFER);
  }
}
