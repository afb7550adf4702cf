package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulkheads' counting: a tenant's integrations together hold at most its share of a connector's
 * threads, each integration at most its calls, and what is given back is free again. Each test owns
 * its slots.
 */
class CallSlotsTest {

  private static final String CONNECTOR = "hubspot";

  private final CallSlots slots = new CallSlots(8, 50, 2);
  private final UUID busyTenant = UUID.randomUUID();
  private final UUID otherTenant = UUID.randomUUID();

  @AfterEach
  void stop() throws InterruptedException {
    slots.shutdown(100);
  }

  @Test
  void aTenantsIntegrationsTogetherHoldAtMostItsShareAndLeaveTheRestToOthers() {
    int taken = 0;
    for (int i = 0; i < 10; i++) {
      UUID integration = UUID.randomUUID();
      while (slots.tryTake(CONNECTOR, busyTenant, integration)) {
        taken++;
      }
    }
    UUID other = UUID.randomUUID();

    assertThat(taken).as("half of 8 threads").isEqualTo(4);
    assertThat(slots.hasRoom(CONNECTOR, busyTenant, UUID.randomUUID())).isFalse();
    assertThat(slots.hasRoom(CONNECTOR, otherTenant, other)).isTrue();
    assertThat(slots.tryTake(CONNECTOR, otherTenant, other)).isTrue();
    assertThat(slots.tryTake("webhook", busyTenant, UUID.randomUUID())).as("another connector's threads").isTrue();
  }

  @Test
  void anIntegrationHoldsAtMostItsCallsAndASlotGivenBackIsFreeAgain() {
    UUID integration = UUID.randomUUID();

    assertThat(slots.tryTake(CONNECTOR, busyTenant, integration)).isTrue();
    assertThat(slots.tryTake(CONNECTOR, busyTenant, integration)).isTrue();
    assertThat(slots.tryTake(CONNECTOR, busyTenant, integration)).isFalse();
    slots.give(CONNECTOR, busyTenant, integration);

    assertThat(slots.busy(CONNECTOR)).isEqualTo(1);
    assertThat(slots.tryTake(CONNECTOR, busyTenant, integration)).isTrue();
  }

  @Test
  void aShareBelowOneThreadStillLetsEachTenantCall() {
    CallSlots tiny = new CallSlots(1, 10, 1);

    assertThat(tiny.tryTake(CONNECTOR, busyTenant, UUID.randomUUID())).isTrue();
    assertThat(tiny.tryTake(CONNECTOR, otherTenant, UUID.randomUUID())).as("the one thread is taken").isFalse();
  }
}
