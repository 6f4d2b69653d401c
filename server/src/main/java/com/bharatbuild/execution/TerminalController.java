package com.bharatbuild.execution;

import com.bharatbuild.auth.CurrentUserId;
import com.bharatbuild.projects.ProjectService;
import com.bharatbuild.shared.tickets.Tickets;
import com.bharatbuild.shared.tickets.Tickets.Ticket;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for the terminal's WebSocket, given only to the project's owner. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/terminal")
class TerminalController {

  private final ProjectService projects;
  private final Tickets tickets;
  private final ExecutionProperties settings;
  private final Sandboxes sandboxes;

  TerminalController(
      ProjectService projects, Tickets tickets, ExecutionProperties settings, Sandboxes sandboxes) {
    this.projects = projects;
    this.tickets = tickets;
    this.settings = settings;
    this.sandboxes = sandboxes;
  }

  @PostMapping("/ticket")
  @ResponseStatus(HttpStatus.CREATED)
  TicketView createTerminalTicket(@CurrentUserId UUID userId, @PathVariable UUID projectId) {
    projects.get(userId, projectId);
    sandboxes.requireAvailable();
    Ticket ticket =
        tickets.issue(
            TerminalWebSocketConfiguration.TERMINAL_TICKET,
            userId,
            projectId,
            settings.terminal().ticketTtl());
    return new TicketView(ticket.value(), ticket.expiresAt());
  }
}
