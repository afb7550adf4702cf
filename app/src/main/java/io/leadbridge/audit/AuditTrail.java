package io.leadbridge.audit;

import io.leadbridge.audit.internal.AuditAppender;
import io.leadbridge.audit.internal.AuditDao;
import io.leadbridge.storage.Page;
import io.leadbridge.storage.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Appends to and reads the audit trail; thread-safe. Events are never updated or deleted. */
public final class AuditTrail {

  private static final int MAX_TEXT = 200;

  private final Jdbi jdbi;
  private final Clock clock;

  public AuditTrail(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records one event now; {@code subject} and {@code purpose} must never be a secret. */
  public AuditEvent record(
      Optional<UUID> tenantId, Actor actor, AuditAction action, String subject, String purpose) {
    AuditEvent event =
        new AuditEvent(
            UUID.randomUUID(),
            clock.instant(),
            tenantId,
            actor,
            action,
            Optional.ofNullable(clip(subject)),
            Optional.ofNullable(clip(purpose)));
    jdbi.useExtension(AuditAppender.class, appender -> appender.append(event));
    return event;
  }

  /** Events in the order they happened, for every tenant or one. */
  public Page<AuditEvent> page(Optional<UUID> tenantId, PageRequest request) {
    List<AuditEvent> rows =
        jdbi.withExtension(
            AuditDao.class,
            dao ->
                tenantId.isPresent()
                    ? dao.pageForTenant(
                        tenantId.get(), request.afterCreatedAt(), request.afterId(), request.limit() + 1)
                    : dao.page(request.afterCreatedAt(), request.afterId(), request.limit() + 1));
    return Page.fromOverfetch(rows, request, e -> PageRequest.cursorAfter(e.at(), e.id()));
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }
}
