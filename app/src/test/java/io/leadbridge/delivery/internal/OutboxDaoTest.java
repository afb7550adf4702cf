package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's outbox SQL on each database: one claim takes at most its batch size of an
 * integration's due work, however large the backlog (PostgreSQL once took hundreds of rows past
 * the limit, which the connector then refused as an oversized batch); the due list is read in
 * pages round the integrations; blocked work is pushed back; released work keeps a later time it
 * was waiting for. Each test owns its database.
 */
@ParameterizedClass
@EnumSource(Db.class)
class OutboxDaoTest {

  private static final int BACKLOG = 450;
  private static final int BATCH = 100;

  @Parameter
  Db db;

  private Jdbi jdbi;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final UUID integrationId = UUID.randomUUID();
  private final UUID tenant = UUID.randomUUID();

  @BeforeEach
  void database() {
    jdbi = TestDatabases.migrated(db);
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO tenants (id, name, slug, status, created_at) VALUES (:id, 'Dealer', :slug, 'active', :at)")
        .bind("id", tenant).bind("slug", "t-" + tenant.toString().substring(0, 8)).bind("at", now).execute());
  }

  /** One pending delivery of a new lead to the integration, due at {@code due}. */
  private UUID delivery(UUID integration, Instant due, String status) {
    UUID lead = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    jdbi.useHandle(h -> {
      h.createUpdate("INSERT INTO leads (id, tenant_id, body, received_at, created_at) VALUES (:id, :tenant, '{}', :at, :at)")
          .bind("id", lead).bind("tenant", tenant).bind("at", now).execute();
      h.createUpdate("INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id,"
              + " status, attempts, next_attempt_at, hold_reason, created_at, updated_at) VALUES (:id, :tenant, :lead,"
              + " :integration, 'third_party', 'hubspot', :status, 0, :due, :reason, :at, :at)")
          .bind("id", id).bind("tenant", tenant).bind("lead", lead).bind("integration", integration)
          .bind("status", status).bind("due", due).bind("reason", status.equals("held") ? "connector_not_enabled" : null)
          .bind("at", now).execute();
    });
    return id;
  }

  private Instant nextAttempt(UUID delivery) {
    return jdbi.withHandle(h -> h.createQuery("SELECT next_attempt_at FROM deliveries WHERE id = :id")
        .bind("id", delivery).mapTo(OffsetDateTime.class).one()).toInstant();
  }

  private void backlog() {
    jdbi.useTransaction(h -> {
      PreparedBatch leads = h.prepareBatch("INSERT INTO leads (id, tenant_id, body, received_at, created_at)"
          + " VALUES (:id, :tenant, '{}', :at, :at)");
      PreparedBatch deliveries = h.prepareBatch("INSERT INTO deliveries (id, tenant_id, lead_id, integration_id,"
          + " integration_kind, connector_id, status, attempts, next_attempt_at, created_at, updated_at)"
          + " VALUES (:id, :tenant, :lead, :integration, 'third_party', 'hubspot', 'pending', 0, :due, :at, :at)");
      for (int i = 0; i < BACKLOG; i++) {
        UUID lead = UUID.randomUUID();
        leads.bind("id", lead).bind("tenant", tenant).bind("at", now).add();
        deliveries.bind("id", UUID.randomUUID()).bind("tenant", tenant).bind("lead", lead)
            .bind("integration", integrationId).bind("due", now.minusSeconds(BACKLOG - i)).bind("at", now).add();
      }
      leads.execute();
      deliveries.execute();
    });
  }

  @Test
  void aClaimTakesAtMostItsBatchFromALargeBacklogAndTheNextClaimTheNextOnes() {
    backlog();
    OutboxDao outbox = jdbi.onDemand(OutboxDao.class);

    List<ClaimedDelivery> firstClaimed = outbox.claim(integrationId, "node:1", now.plusSeconds(60), now, BATCH);
    List<ClaimedDelivery> secondClaimed = outbox.claim(integrationId, "node:2", now.plusSeconds(60), now, BATCH);

    assertThat(firstClaimed).hasSize(BATCH);
    assertThat(secondClaimed).hasSize(BATCH);
    Set<UUID> both = new HashSet<>();
    firstClaimed.forEach(c -> both.add(c.id()));
    secondClaimed.forEach(c -> both.add(c.id()));
    assertThat(both).as("no delivery in two claims").hasSize(2 * BATCH);
  }

  @Test
  void theDueListIsReadInPagesInIdOrderAfterTheLastOneSeen() {
    List<UUID> integrations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID integration = UUID.randomUUID();
      integrations.add(integration);
      delivery(integration, now.minusSeconds(i), "pending");
    }
    delivery(UUID.randomUUID(), now.plusSeconds(60), "pending");
    OutboxDao outbox = jdbi.onDemand(OutboxDao.class);
    DueRotation rotation = new DueRotation(2);

    List<UUID> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      rotation.next((after, limit) -> outbox.dueIntegrations(now, after, limit))
          .forEach(d -> seen.add(d.integrationId()));
    }

    // Five due: pages of two, two, and the last one filled from the start of the list again.
    assertThat(seen).as("every due integration within three pages of two, the one not due never").hasSize(6);
    assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(integrations));
  }

  @Test
  void deferringPushesOnlyTheIntegrationsDueWorkAndReleasingKeepsALaterTime() {
    UUID due = delivery(integrationId, now.minusSeconds(5), "pending");
    UUID later = delivery(integrationId, now.plusSeconds(600), "retrying");
    UUID heldForRetryAfter = delivery(UUID.randomUUID(), now.plusSeconds(3600), "held");
    UUID heldDueNow = delivery(UUID.randomUUID(), now.minusSeconds(60), "held");
    OutboxDao outbox = jdbi.onDemand(OutboxDao.class);

    outbox.deferDue(integrationId, now.plusSeconds(30), now);
    jdbi.useHandle(h -> h.createQuery("SELECT DISTINCT integration_id FROM deliveries WHERE status = 'held'")
        .mapTo(UUID.class).list().forEach(id -> outbox.release(id, "connector_not_enabled", now)));

    assertThat(nextAttempt(due)).isEqualTo(now.plusSeconds(30));
    assertThat(nextAttempt(later)).as("not due: left alone").isEqualTo(now.plusSeconds(600));
    assertThat(nextAttempt(heldForRetryAfter)).as("the vendor's Retry-After still holds").isEqualTo(now.plusSeconds(3600));
    assertThat(nextAttempt(heldDueNow)).isEqualTo(now);
  }
}
