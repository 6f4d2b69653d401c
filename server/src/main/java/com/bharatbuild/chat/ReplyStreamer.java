package com.bharatbuild.chat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a reply's events as {@code text/event-stream}: {@code id:} and {@code data:} lines, a
 * comment as heartbeat when idle, and the end of the response after the closing event.
 *
 * <p>The request is asynchronous and its writes are non-blocking: whoever has news writes it (the
 * thread that appended the event, the container when the socket can take more, the heartbeat
 * ticker), one at a time per stream, as much as the socket takes at once; what it does not take
 * stays in the reply's buffer until the container says the socket is writable again. So no thread
 * waits per open stream and no thread switch happens per chunk, and a slow client never holds up
 * the reply or its other followers. A client that goes away makes a write fail; the stream only
 * detaches, and the reply goes on for the grace period.
 */
@Component
class ReplyStreamer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReplyStreamer.class);

  private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private final ChatMetrics metrics;
  private final long heartbeatNanos;
  private final Set<PushedStream> open = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("reply-stream-heartbeats").daemon().factory());

  ReplyStreamer(ChatMetrics metrics, ChatProperties settings) {
    this.metrics = metrics;
    this.heartbeatNanos = settings.heartbeat().toNanos();
    long tick = Math.clamp(settings.heartbeat().toMillis() / 4, 10, 1000);
    ticker.scheduleWithFixedDelay(this::heartbeats, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * Streams the events after {@code lastEventId} and every later one until the reply ends. Returns
   * at once; the response goes on asynchronously.
   */
  void stream(
      ReplySource source,
      long lastEventId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    prepare(response);
    AsyncContext async = request.startAsync(request, response);
    // the stream lasts as long as the reply; heartbeats find clients that went away
    async.setTimeout(0);
    new PushedStream(source, lastEventId, async, response.getOutputStream()).start();
  }

  /** Streams already-known events (a finished reply that is no longer in memory). */
  void replay(List<String> events, long lastEventId, HttpServletResponse response)
      throws IOException {
    prepare(response);
    OutputStream out = response.getOutputStream();
    if (lastEventId < events.size()) {
      out.write(encode(events.subList((int) lastEventId, events.size()), lastEventId));
    }
    out.flush();
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
  }

  private static void prepare(HttpServletResponse response) {
    response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    // nginx and similar proxies must pass each event on at once
    response.setHeader("X-Accel-Buffering", "no");
  }

  private static byte[] encode(List<String> events, long lastEventId) {
    StringBuilder text = new StringBuilder(events.size() * 64);
    long id = lastEventId;
    for (String event : events) {
      text.append("id: ").append(++id).append("\ndata: ").append(event).append("\n\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void heartbeats() {
    long now = System.nanoTime();
    for (PushedStream stream : open) {
      stream.heartbeatIfIdle(now);
    }
  }

  /** One client's stream of one reply. */
  private final class PushedStream implements WriteListener, AsyncListener {
    private final ReplySource source;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Runnable wake = this::drain;
    // news arrived that no drain has looked at yet; lets a busy drain pick up what others bring
    private final AtomicBoolean news = new AtomicBoolean();
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean ended = new AtomicBoolean();
    private long seen;
    private boolean committed;
    private volatile boolean heartbeatDue;
    private volatile long lastWrite = System.nanoTime();

    PushedStream(
        ReplySource source, long lastEventId, AsyncContext async, ServletOutputStream out) {
      this.source = source;
      this.seen = lastEventId;
      this.async = async;
      this.out = out;
    }

    void start() {
      async.addListener(this);
      open.add(this);
      metrics.streamOpened();
      // writes are allowed only once the listener is set; the container calls onWritePossible
      out.setWriteListener(this);
      source.attach(wake);
      // what the reply said between the listener and the attachment woke nobody
      drain();
    }

    @Override
    public void onWritePossible() {
      drain();
    }

    @Override
    public void onError(Throwable clientGone) {
      end();
    }

    void heartbeatIfIdle(long now) {
      if (now - lastWrite >= heartbeatNanos) {
        heartbeatDue = true;
        drain();
      }
    }

    /** Writes what it can; only one thread at a time, and none is left waiting for the lock. */
    private void drain() {
      news.set(true);
      while (news.get() && writing.tryLock()) {
        try {
          news.set(false);
          write();
        } catch (IOException clientGone) {
          log.debug("A reply stream's client went away: {}", clientGone.toString());
          end();
          completeQuietly();
        } catch (RuntimeException failed) {
          log.warn("A reply stream failed; its client may resume it", failed);
          end();
          completeQuietly();
        } finally {
          writing.unlock();
        }
      }
    }

    private void write() throws IOException {
      while (!ended.get()) {
        // read the end first: a reply that has ended has all its events in the buffer
        boolean finished = source.isFinished();
        List<String> next = source.eventsAfter(seen);
        if (next.isEmpty() && !finished && !heartbeatDue && committed) {
          return;
        }
        // asked only when there is something to write, as asking costs; when the socket is full
        // the container calls onWritePossible once it has room
        if (!out.isReady()) {
          return;
        }
        if (!next.isEmpty()) {
          out.write(encode(next, seen));
          seen += next.size();
        } else if (finished) {
          end();
          async.complete();
          return;
        } else if (heartbeatDue) {
          out.write(HEARTBEAT);
        }
        // else only the headers of a stream that has nothing to say yet
        heartbeatDue = false;
        committed = true;
        lastWrite = System.nanoTime();
        // a write the socket did not take whole goes on by itself; flushing then is not allowed
        if (!out.isReady()) {
          return;
        }
        out.flush();
      }
    }

    private void end() {
      if (ended.compareAndSet(false, true)) {
        open.remove(this);
        source.detach(wake);
        metrics.streamClosed();
      }
    }

    private void completeQuietly() {
      try {
        async.complete();
      } catch (IllegalStateException alreadyComplete) {
        // the container ended it first
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      end();
      completeQuietly();
    }

    @Override
    public void onError(AsyncEvent event) {
      end();
      completeQuietly();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not restarted
    }
  }
}
