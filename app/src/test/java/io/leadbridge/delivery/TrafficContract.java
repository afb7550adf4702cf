package io.leadbridge.delivery;

import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.testing.HubTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the delivery tests that send leads to HubSpot simulators of their own: each test gets a
 * {@link LeadTraffic} on the hub, and the simulators it starts are stopped after it. Not
 * thread-safe (JUnit runs its tests one at a time).
 */
abstract class TrafficContract extends HubTest {

  private final List<HubSpotSimulator> vendors = new ArrayList<>();
  protected LeadTraffic traffic;

  @BeforeEach
  void traffic() {
    traffic = new LeadTraffic(hub());
  }

  @AfterEach
  void stopVendors() {
    vendors.forEach(HubSpotSimulator::close);
  }

  /** Starts a simulator that is stopped after the test. */
  protected HubSpotSimulator vendor(HubSpotSimulator.Builder builder) {
    HubSpotSimulator vendor = builder.start();
    vendors.add(vendor);
    return vendor;
  }
}
