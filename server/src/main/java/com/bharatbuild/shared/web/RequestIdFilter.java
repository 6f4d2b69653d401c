package com.bharatbuild.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id and a W3C trace context that appear in each log line it causes and in
 * its response, so a user who quotes the id from an error page, or an operator who follows a trace
 * id from the proxy, leads straight to the log lines. A valid incoming {@code traceparent} is
 * continued under a span of this server; without one a new trace starts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  public static final String TRACE_ATTRIBUTE = RequestIdFilter.class.getName() + ".trace";
  // the keys log lines carry them under (ECS JSON writes MDC entries as fields)
  public static final String REQUEST_ID_KEY = "requestId";
  public static final String TRACE_ID_KEY = "traceId";
  public static final String SPAN_ID_KEY = "spanId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the error dispatch of a request keeps the id and trace it was first given
    String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : newId(request);
    TraceParent trace =
        request.getAttribute(TRACE_ATTRIBUTE) instanceof TraceParent known
            ? known
            : newTrace(request);
    request.setAttribute(ATTRIBUTE, id);
    request.setAttribute(TRACE_ATTRIBUTE, trace);
    response.setHeader(HEADER, id);
    response.setHeader(TraceParent.HEADER, trace.header());
    MDC.put(REQUEST_ID_KEY, id);
    MDC.put(TRACE_ID_KEY, trace.traceId());
    MDC.put(SPAN_ID_KEY, trace.spanId());
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(REQUEST_ID_KEY);
      MDC.remove(TRACE_ID_KEY);
      MDC.remove(SPAN_ID_KEY);
    }
  }

  private static String newId(HttpServletRequest request) {
    String offered = request.getHeader(HEADER);
    return offered != null && ACCEPTABLE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }

  private static TraceParent newTrace(HttpServletRequest request) {
    String offered = request.getHeader(TraceParent.HEADER);
    if (offered != null) {
      Optional<TraceParent> parent = TraceParent.parse(offered);
      if (parent.isPresent()) {
        return parent.get().child();
      }
    }
    return TraceParent.start();
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /** The id of the request, or a fresh one if the filter did not run (never null). */
  public static String idOf(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : UUID.randomUUID().toString();
  }

  /** The trace id of the request, or a fresh one if the filter did not run (never null). */
  public static String traceIdOf(HttpServletRequest request) {
    return request.getAttribute(TRACE_ATTRIBUTE) instanceof TraceParent trace
        ? trace.traceId()
        : TraceParent.start().traceId();
  }
}
