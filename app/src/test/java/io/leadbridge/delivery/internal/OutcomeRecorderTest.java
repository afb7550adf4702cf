package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.delivery.DeliveryConfiguration;
import io.leadbridge.delivery.internal.DeliveryMeters.Event;
import io.leadbridge.simulators.ManualClock;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestDatabases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each outcome of a call does to its claimed delivery, on each database and a clock the test
 * moves: delivered, retried after the backoff or the vendor's longer {@code Retry-After}, paced
 * without an attempt counted, dead when rejected or out of attempts, held when the credentials were
 * refused; and a node whose lease token is no longer the row's changes nothing. Each test owns its
 * database.
 */
@ParameterizedClass
@EnumSource(Db.class)
class OutcomeRecorderTest {

  private static final String TOKEN = "node-a:1";

  @Parameter
  Db db;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T09:00:00Z"));
  private Jdbi jdbi;
  private OutcomeRecorder recorder;
  private final UUID tenant = UUID.randomUUID();
  private final UUID integration = UUID.randomUUID();

  @BeforeEach
  void engine() {
    jdbi = TestDatabases.migrated(db);
    DeliveryConfiguration config = new DeliveryConfiguration();
    EngineParts parts = new EngineParts(config, jdbi, clock, null, null, null, null, null, null, null, null,
        new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2)), null);
    recorder = new OutcomeRecorder(parts);
    jdbi.useHandle(h -> h.createUpdate(
            "INSERT INTO tenants (id, name, slug, status, created_at) VALUES (:id, 'Dealer', :slug, 'active', :at)")
        .bind("id", tenant).bind("slug", "t-" + tenant.toString().substring(0, 8)).bind("at", clock.instant()).execute());
  }

  /** A delivery claimed under {@link #TOKEN} after {@code attempts} attempts. */
  private ClaimedDelivery claimed(int attempts) {
    UUID lead = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbi.useHandle(h -> {
      h.createUpdate("INSERT INTO leads (id, tenant_id, body, received_at, created_at) VALUES (:id, :tenant, '{}', :at, :at)")
          .bind("id", lead).bind("tenant", tenant).bind("at", now).execute();
      h.createUpdate("INSERT INTO deliveries (id, tenant_id, lead_id, integration_id, integration_kind, connector_id,"
              + " status, attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at) VALUES (:id,"
              + " :tenant, :lead, :integration, 'third_party', 'hubspot', 'in_flight', :attempts, :at, :token, :until,"
              + " :at, :at)")
          .bind("id", id).bind("tenant", tenant).bind("lead", lead).bind("integration", integration)
          .bind("attempts", attempts).bind("at", now).bind("token", TOKEN).bind("until", now.plusSeconds(60)).execute();
    });
    return new ClaimedDelivery(id, lead, attempts, now);
  }

  private Map<String, Object> row(ClaimedDelivery delivery) {
    return jdbi.withHandle(h -> h.createQuery("SELECT status, attempts, next_attempt_at, last_error_code, hold_reason,"
        + " remote_id, lease_owner FROM deliveries WHERE id = :id").bind("id", delivery.id()).mapToMap().one());
  }

  /** A timestamp column as each driver hands it over in a map (PostgreSQL: a {@code java.sql.Timestamp}). */
  private static Instant instant(Object column) {
    return column instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) column).toInstant();
  }

  @Test
  void eachOutcomeBecomesItsStateWithAttemptsCountedOnlyForTriesThatCount() {
    ClaimedDelivery delivered = claimed(0);
    ClaimedDelivery retried = claimed(0);
    ClaimedDelivery toldToWait = claimed(0);
    ClaimedDelivery paced = claimed(3);
    ClaimedDelivery rejected = claimed(0);
    ClaimedDelivery refused = claimed(0);
    clock.advance(Duration.ofSeconds(5));
    Instant now = clock.instant();

    Map<Event, Integer> counts = recorder.record(TOKEN, List.of(delivered, retried, toldToWait, paced, rejected, refused),
        List.of(DeliveryOutcome.created("contact-1"), DeliveryOutcome.retryable("HTTP 503"),
            DeliveryOutcome.retryable("HTTP 503", Duration.ofMinutes(10)),
            DeliveryOutcome.rateLimited(Duration.ofSeconds(30), RateLimitScope.WINDOW),
            DeliveryOutcome.rejected("INVALID_EMAIL", "email is not valid"),
            DeliveryOutcome.authFailed("401 the token was revoked")));

    assertThat(counts).containsEntry(Event.DELIVERED, 1).containsEntry(Event.RETRIED, 2)
        .containsEntry(Event.RATE_LIMITED, 1).containsEntry(Event.DEAD, 1).containsEntry(Event.HELD, 1);
    assertThat(row(delivered)).containsEntry("status", "delivered").containsEntry("remote_id", "contact-1")
        .containsEntry("attempts", 1);
    assertThat(row(retried)).containsEntry("status", "retrying").containsEntry("attempts", 1);
    assertThat(instant(row(retried).get("next_attempt_at"))).isBetween(now, now.plusSeconds(2));
    assertThat(instant(row(toldToWait).get("next_attempt_at"))).as("the vendor's longer wait wins")
        .isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(row(paced)).containsEntry("status", "retrying").containsEntry("attempts", 3)
        .containsEntry("last_error_code", "rate_limited");
    assertThat(instant(row(paced).get("next_attempt_at"))).isEqualTo(now.plusSeconds(30));
    assertThat(row(rejected)).containsEntry("status", "dead").containsEntry("last_error_code", "INVALID_EMAIL");
    assertThat(row(refused)).containsEntry("status", "held").containsEntry("hold_reason", "integration_paused")
        .containsEntry("attempts", 0);
    assertThat(row(delivered).get("lease_owner")).isNull();
  }

  @Test
  void theLastAllowedAttemptDiesInsteadOfRetrying() {
    ClaimedDelivery last = claimed(new DeliveryConfiguration().getMaxAttempts() - 1);

    recorder.record(TOKEN, List.of(last), List.of(DeliveryOutcome.retryable("HTTP 503")));

    assertThat(row(last)).containsEntry("status", "dead").containsEntry("last_error_code", "retries_exhausted");
  }

  @Test
  void aNodeThatLostItsLeaseChangesNothing() {
    ClaimedDelivery reclaimed = claimed(0);
    jdbi.useHandle(h -> h.createUpdate("UPDATE deliveries SET lease_owner = 'node-b:7' WHERE id = :id")
        .bind("id", reclaimed.id()).execute());

    recorder.record(TOKEN, List.of(reclaimed), List.of(DeliveryOutcome.created("contact-9")));

    assertThat(row(reclaimed)).containsEntry("status", "in_flight").containsEntry("lease_owner", "node-b:7");
  }
}
