package com.bharatbuild.shared.jobs;

import com.bharatbuild.shared.config.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work on one instance at a time, however many trigger it: a row per job in the
 * shared database says who holds it and until when, as ShedLock does. A holder that dies loses the
 * job when its hold runs out; one that finishes early keeps it for the shortest hold, so instances
 * whose timers are a little apart do not run the same period twice.
 */
@Component
public class JobLocks {

  private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String holder;

  @Autowired
  public JobLocks(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, "instance-" + UUID.randomUUID());
  }

  JobLocks(JdbcClient jdbc, Clock clock, String holder) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.holder = holder;
  }

  /**
   * Runs {@code job} unless another instance holds it.
   *
   * @param atMost how long the job may run before another instance may take it over (longer than it
   *     ever takes)
   * @param atLeast how long it stays held after it finished (a little less than its period)
   * @return whether it ran here
   */
  public boolean runExclusively(String name, Duration atMost, Duration atLeast, Runnable job) {
    OffsetDateTime start = Timestamps.now(clock);
    if (!acquire(name, start, start.plus(atMost))) {
      return false;
    }
    try {
      job.run();
    } finally {
      release(name, start.plus(atLeast));
    }
    return true;
  }

  private boolean acquire(String name, OffsetDateTime now, OffsetDateTime until) {
    int taken =
        jdbc.sql(
                """
                UPDATE job_locks SET locked_until = :until, locked_at = :now, locked_by = :holder
                WHERE name = :name AND locked_until <= :now
                """)
            .param("until", until)
            .param("now", now)
            .param("holder", holder)
            .param("name", name)
            .update();
    if (taken == 1) {
      return true;
    }
    try {
      jdbc.sql(
              """
              INSERT INTO job_locks (name, locked_until, locked_at, locked_by)
              VALUES (:name, :until, :now, :holder)
              """)
          .param("name", name)
          .param("until", until)
          .param("now", now)
          .param("holder", holder)
          .update();
      return true;
    } catch (DataIntegrityViolationException held) {
      return false;
    }
  }

  private void release(String name, OffsetDateTime heldUntil) {
    OffsetDateTime now = Timestamps.now(clock);
    try {
      jdbc.sql(
              "UPDATE job_locks SET locked_until = :until WHERE name = :name AND locked_by = :holder")
          .param("until", heldUntil.isAfter(now) ? heldUntil : now)
          .param("name", name)
          .param("holder", holder)
          .update();
    } catch (RuntimeException e) {
      // the hold then simply runs out at its longest
      log.warn("Could not release the lock of job {}: {}", name, e.getMessage());
    }
  }
}
