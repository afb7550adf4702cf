package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.plugins.hubspot.internal.HubSpotDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the private-app token never reaches anything the plugin returns, logs, counts or reports,
 * across every kind of answer: the plugin never holds it, the host injects it. Each test runs
 * confined to one JUnit thread.
 */
class TokenSecrecyTest {

    /** A part of the token distinctive enough to catch a partial leak. */
    private static final String TOKEN_PART = "5f0c2a7d-93be";

    private final SimulatedPortal portal = new SimulatedPortal(builder -> builder.tenSecondLimit(12));
    private final HubSpotConnector connector = new HubSpotConnector();
    private final List<FakeConnectorContext> contexts = new ArrayList<>();
    private final List<Object> returned = new ArrayList<>();

    @AfterEach
    void closePortal() {
        portal.close();
    }

    private FakeConnectorContext context(Map<String, String> settings, Duration timeout) {
        FakeConnectorContext.Builder builder = portal.context().httpTimeout(timeout);
        settings.forEach(builder::setting);
        FakeConnectorContext context = builder.build();
        contexts.add(context);
        return context;
    }

    private void deliverAndCheck(Map<String, String> settings) {
        returned.addAll(connector.deliver(List.of(Leads.withEmail("a@example.com"), Leads.withEmail("bad-address"),
                Leads.complete()), context(settings, Duration.ofSeconds(5))));
        returned.add(connector.check(context(settings, Duration.ofSeconds(5))));
    }

    @Test
    void theTokenAppearsInNoOutcomeCheckLogLineMetricOrReport() {
        deliverAndCheck(Map.of("createDeal", "true"));
        deliverAndCheck(Map.of("portalTimeZone", "Nowhere/Land"));
        portal.sim.chaos().failEveryNth(1);
        deliverAndCheck(Map.of());
        portal.sim.chaos().reset();
        portal.sim.chaos().hangRequests(true);
        returned.addAll(connector.deliver(Leads.many(1, "t"), context(Map.of(), Duration.ofMillis(200))));
        portal.sim.chaos().reset();
        deliverAndCheck(Map.of());
        portal.sim.revokeToken(SimulatedPortal.TOKEN);
        deliverAndCheck(Map.of());

        assertThat(returned).hasSizeGreaterThan(15).allSatisfy(value -> assertThat(value.toString())
                .doesNotContain(SimulatedPortal.TOKEN).doesNotContain(TOKEN_PART));
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.revealedFields()).isEmpty();
            assertThat(String.join("\n", context.logLines())).doesNotContain(TOKEN_PART);
            assertThat(context.metricCounts().keySet().toString()).doesNotContain(TOKEN_PART);
            assertThat(context.rateLimitReports().toString() + context.retryAfters()).doesNotContain(TOKEN_PART);
            assertThat(context.requests()).allSatisfy(request -> {
                assertThat(request.credentials()).containsExactly(
                        new CredentialInjection.Bearer(HubSpotDescriptor.ACCESS_TOKEN));
                assertThat(request.headers().toString() + new String(request.body())).doesNotContain(TOKEN_PART);
            });
        });
        assertThat(contexts.stream().flatMap(context -> context.logLines().stream()))
                .anyMatch(line -> line.startsWith("WARN HubSpot refused the access token: HTTP 401"))
                .anyMatch(line -> line.contains("Nowhere/Land"));
    }
}
