package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's rounds on a clock the test moves: what it claims, what it leaves in the outbox
 * and for how long, one round at a time (the test calls each round; the connector's calls run on
 * the engine's own threads). Each test owns its engine.
 */
class DispatcherTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  /** One thread per connector, so a second integration waits for the first one's call. */
  private final EngineFixture engine = new EngineFixture("{\"pollInterval\": \"1 minute\", \"threadsPerConnector\": 1}");
  private final Dispatcher dispatcher = new Dispatcher(engine.parts, "node-a");

  @AfterEach
  void stopEngine() throws InterruptedException {
    engine.close();
  }

  @Test
  void aPauseOneCallRecordsHoldsBackTheOtherIntegrationsOfItsAccountInTheSameRound() {
    UUID first = engine.integration("portal:1");
    UUID second = engine.integration("portal:1");
    Map<UUID, UUID> deliveries = Map.of(first, engine.pendingDelivery(first), second, engine.pendingDelivery(second));
    // As a vendor's 429 does through the plugins' HTTP client: the account is paused, the batch told to wait.
    engine.answer = (target, batch) -> {
      engine.limiter.retryAfter(key(target), TEN_MINUTES, RateLimitScope.WINDOW);
      return batch.stream().map(lead -> (DeliveryOutcome) DeliveryOutcome.rateLimited(TEN_MINUTES, RateLimitScope.WINDOW))
          .toList();
    };

    assertThat(dispatcher.round()).as("one thread: one integration's batch").isEqualTo(1);
    Poll.until("the first call recorded and its thread free", java.time.Duration.ofSeconds(10), () ->
        !engine.calls.isEmpty() && "retrying".equals(engine.row(deliveries.get(engine.calledIntegrations().get(0)))
            .get("status")) && engine.parts.slots().busy(EngineFixture.CONNECTOR) == 0);
    UUID called = engine.calledIntegrations().get(0);
    // No due list is read between these rounds: the pause must count from this node's own call.
    assertThat(dispatcher.round()).isZero();

    UUID other = called.equals(first) ? second : first;
    assertThat(engine.calledIntegrations()).containsExactly(called);
    assertThat(engine.row(deliveries.get(other))).containsEntry("status", "pending").containsEntry("attempts", 0);
    assertThat(engine.nextAttempt(deliveries.get(other))).isEqualTo(engine.clock.instant().plus(TEN_MINUTES));
  }

  @Test
  void anIntegrationWhoseBreakerAnotherNodeOpenedWaitsOutOfTheDueListUntilTheBreakerCloses() {
    UUID integration = engine.integration("portal:2");
    UUID delivery = engine.pendingDelivery(integration);
    engine.pacing.openBreaker(EngineFixture.CONNECTOR, integration, TEN_MINUTES);

    assertThat(dispatcher.round()).isZero();
    assertThat(engine.nextAttempt(delivery)).isEqualTo(engine.clock.instant().plus(TEN_MINUTES));
    assertThat(engine.row(delivery)).containsEntry("status", "pending").containsEntry("attempts", 0);

    engine.clock.advance(TEN_MINUTES.plusSeconds(1));
    assertThat(dispatcher.round()).isEqualTo(1);
    Poll.until("the delivery delivered", java.time.Duration.ofSeconds(10), () ->
        "delivered".equals(engine.row(delivery).get("status")));
    assertThat(engine.calledIntegrations()).containsExactly(integration);
  }

  @Test
  void aWaitOfSecondsSkipsTheIntegrationWithoutRewritingItsRowsAndItIsServedOnceTheWaitIsOver() {
    UUID integration = engine.integration("portal:3");
    UUID delivery = engine.pendingDelivery(integration);
    Instant due = engine.nextAttempt(delivery);
    engine.limiter.retryAfter(new IntegrationKey(EngineFixture.CONNECTOR, engine.tenant, integration, "portal:3"),
        Duration.ofSeconds(5), RateLimitScope.WINDOW);

    assertThat(dispatcher.round()).isZero();
    assertThat(engine.nextAttempt(delivery)).as("a short wait is kept in memory, not written").isEqualTo(due);

    engine.clock.advance(Duration.ofMinutes(1));
    assertThat(dispatcher.round()).isEqualTo(1);
    Poll.until("the delivery delivered", java.time.Duration.ofSeconds(10), () ->
        "delivered".equals(engine.row(delivery).get("status")));
  }

  @Test
  void workForAConnectorThatIsNotLoadedWaitsThirtySecondsWithTheReasonShown() {
    UUID integration = UUID.randomUUID();
    engine.routes.put(new DeliveryRoute(IntegrationKind.THIRD_PARTY, integration, engine.tenant, "not-loaded", true,
        IntegrationStatus.ACTIVE, Optional.empty(), Map.of(), IntegrationKey.ownAccount(integration),
        DuplicatePolicy.DELIVER));
    UUID delivery = engine.pendingDelivery(integration);

    assertThat(dispatcher.round()).isZero();

    assertThat(engine.row(delivery)).containsEntry("status", "pending").containsEntry("last_error_code", "connector_unavailable");
    assertThat(engine.nextAttempt(delivery)).isEqualTo(engine.clock.instant().plusSeconds(30));
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void theWorkOfARemovedIntegrationGoesToTheTenantsManualQueue() {
    UUID removed = engine.integration("portal:4");
    UUID delivery = engine.pendingDelivery(removed);
    engine.routes.remove(removed);

    assertThat(dispatcher.round()).isZero();

    assertThat(engine.row(delivery)).containsEntry("status", "manual").containsEntry("last_error_code", "integration_removed");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void aDisabledIntegrationsWorkIsHeldWithItsReasonAndNotCalled() {
    UUID integration = engine.integration("portal:5");
    UUID delivery = engine.pendingDelivery(integration);
    engine.routes.put(new DeliveryRoute(IntegrationKind.THIRD_PARTY, integration, engine.tenant, EngineFixture.CONNECTOR,
        false, IntegrationStatus.ACTIVE, Optional.empty(), Map.of(), "portal:5", DuplicatePolicy.DELIVER));

    assertThat(dispatcher.round()).isZero();

    assertThat(engine.row(delivery)).containsEntry("status", "held").containsEntry("hold_reason", "integration_disabled");
    assertThat(engine.calls).isEmpty();
  }

  private static IntegrationKey key(CallTarget target) {
    return new IntegrationKey(EngineFixture.CONNECTOR, target.tenantId(), target.integrationId(), target.account());
  }
}
