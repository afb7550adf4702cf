package io.leadbridge.plugins.hubspot;

import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.plugins.hubspot.internal.HubSpotDescriptor;
import io.leadbridge.simulators.ManualClock;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * An in-process HubSpot simulator on a manual clock, and fake contexts that reach it over real
 * HTTP with the host-like client, as the host would wire the connector. Thread-safe as its parts.
 */
final class SimulatedPortal implements AutoCloseable {

    /** The private-app token; it reaches HubSpot only through the host's injection. */
    static final String TOKEN = "pat-sim-na1-5f0c2a7d-93be-4c55-a0f1-7d3f0c2a9e11";

    /** 12:00 UTC on a Tuesday: 07:00 in Chicago (CDT, UTC-5). */
    static final Instant START = Instant.parse("2026-03-10T12:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final HubSpotSimulator sim;

    SimulatedPortal() {
        this(UnaryOperator.identity());
    }

    SimulatedPortal(UnaryOperator<HubSpotSimulator.Builder> portal) {
        this.sim = portal.apply(HubSpotSimulator.builder().token(TOKEN).clock(clock)).start();
    }

    /** @return a context for one call, with the token set; add settings before building */
    FakeConnectorContext.Builder context() {
        return FakeConnectorContext.builder(HubSpotDescriptor.DESCRIPTOR).baseUrl(sim.baseUri())
                .credential(HubSpotDescriptor.ACCESS_TOKEN, TOKEN).clock(clock);
    }

    @Override
    public void close() {
        sim.close();
    }
}
