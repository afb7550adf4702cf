package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.IntegrationKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One claimed batch's call on a clock the test moves, run on the test's thread: what reaches the
 * connector, what its answers do to the rows and the integration, and a call that overruns its
 * timeout. Each test owns its engine.
 */
class BatchCallTest {

  private static final String TOKEN = "node-a:1";

  private final EngineFixture engine = new EngineFixture(
      "{\"maxAge\": \"1 day\", \"callTimeout\": \"300 milliseconds\"}");

  @AfterEach
  void stopEngine() throws InterruptedException {
    engine.close();
  }

  @Test
  void aLeadOlderThanTheMaximumAgeIsRejectedWithoutReachingTheConnector() {
    UUID integration = engine.integration("portal:1");
    UUID old = engine.pendingDelivery(integration);
    engine.clock.advance(Duration.ofDays(2));
    UUID fresh = engine.pendingDelivery(integration);

    call(integration);

    assertThat(engine.row(old)).containsEntry("status", "dead").containsEntry("last_error_code", "max_age_exceeded");
    assertThat(engine.row(fresh)).containsEntry("status", "delivered");
    assertThat(engine.calls).singleElement().satisfies(call -> assertThat(call.getValue()).hasSize(1));
  }

  @Test
  void refusedCredentialsPauseTheIntegrationAndHoldItsDeliveries() {
    UUID integration = engine.integration("portal:2");
    UUID delivery = engine.pendingDelivery(integration);
    engine.answer = (target, batch) -> batch.stream()
        .map(lead -> (DeliveryOutcome) DeliveryOutcome.authFailed("401 the token was revoked")).toList();

    call(integration);

    assertThat(engine.routes.paused).containsEntry(integration, "401 the token was revoked");
    assertThat(engine.row(delivery)).containsEntry("status", "held").containsEntry("hold_reason", "integration_paused")
        .containsEntry("attempts", 0);
  }

  @Test
  void aCallThatOverrunsItsTimeoutIsInterruptedAndItsBatchIsTriedAgainLater() {
    UUID integration = engine.integration("portal:3");
    UUID delivery = engine.pendingDelivery(integration);
    engine.answer = (target, batch) -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted by the watchdog");
      }
      return List.of();
    };

    long started = System.nanoTime();
    call(integration);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(engine.row(delivery)).containsEntry("status", "retrying").containsEntry("attempts", 1);
    assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not leak to the thread's next call").isFalse();
  }

  /** A lead tried before reaches the connector marked as a redelivery (ADF's resend); a first try does not. */
  @Test
  void aRetriedLeadReachesTheConnectorAsARedelivery() {
    UUID integration = engine.integration("portal:4");
    engine.pendingDelivery(integration);
    List<Boolean> seen = new CopyOnWriteArrayList<>();
    engine.answer = (target, batch) -> {
      batch.forEach(lead -> seen.add(lead.redelivery()));
      return batch.stream().map(lead -> (DeliveryOutcome) DeliveryOutcome.retryable("503")).toList();
    };

    call(integration);
    engine.clock.advance(Duration.ofHours(2));
    call(integration);

    assertThat(seen).containsExactly(false, true);
  }

  /** Claims the integration's due work under {@link #TOKEN} and runs its call here. */
  private void call(UUID integration) {
    DeliveryRoute route = engine.routes.findAll(IntegrationKind.THIRD_PARTY, List.of(integration)).get(integration);
    List<ClaimedDelivery> claimed = engine.jdbi.onDemand(OutboxDao.class)
        .claim(integration, TOKEN, engine.clock.instant().plusSeconds(60), engine.clock.instant(), 5);
    assertThat(engine.parts.slots().tryTake(route.connectorId(), route.tenantId(), integration)).isTrue();
    CircuitBreaker breaker = engine.parts.breakers().of(route.connectorId(), integration);
    assertThat(breaker.tryAcquirePermission()).isTrue();
    new BatchCall(engine.parts, route, TOKEN, claimed, breaker).run();
  }
}
