package com.bharatbuild.live;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.shared.tickets.Tickets;
import com.bharatbuild.shared.tickets.Tickets.Ticket;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for the project channel's WebSocket, given only to the project's owner. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/events")
class LiveController {

  static final String TICKET_PURPOSE = "events";

  /** A one-use ticket for {@code /api/v1/projects/{id}/events?ticket=}. */
  record EventsTicket(String ticket, Instant expiresAt) {}

  private final ProjectService projects;
  private final Tickets tickets;
  private final LiveProperties settings;

  LiveController(ProjectService projects, Tickets tickets, LiveProperties settings) {
    this.projects = projects;
    this.tickets = tickets;
    this.settings = settings;
  }

  @PostMapping("/ticket")
  @ResponseStatus(HttpStatus.CREATED)
  EventsTicket createEventsTicket(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    projects.get(userId, projectId);
    Ticket ticket = tickets.issue(TICKET_PURPOSE, userId, projectId, settings.ticketTtl());
    return new EventsTicket(ticket.value(), ticket.expiresAt());
  }
}
