package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/**
 * The outbox claim on each database: one claim takes at most its batch size of an integration's
 * due work, however large the backlog (PostgreSQL once took hundreds of rows past
 * the limit, which the connector then refused as an oversized batch).
 */
abstract class OutboxClaimContract {

  private static final int BACKLOG = 450;
  private static final int BATCH = 100;

  private final Jdbi jdbi = TestDatabases.migrated(db());
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final UUID integrationId = UUID.randomUUID();

  protected abstract Db db();

  private void backlog() {
    UUID tenant = UUID.randomUUID();
    jdbi.useTransaction(h -> {
      h.createUpdate("INSERT INTO tenants (id, name, slug, status, created_at) VALUES (:id, 'Dealer', :slug, 'active', :at)")
          .bind("id", tenant).bind("slug", "t-" + tenant.toString().substring(0, 8)).bind("at", now).execute();
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
}
