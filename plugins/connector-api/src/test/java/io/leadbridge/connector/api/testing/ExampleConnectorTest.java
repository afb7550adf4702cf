package io.leadbridge.connector.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exercises the API end to end the way a plugin's own tests would: a connector against the fake
 * context. Each test runs confined to one JUnit thread.
 */
class ExampleConnectorTest {

    private static final String TOKEN = "pat-na1-00000000-test-only";
    private static final LeadRecord FIRST = lead("11111111-1111-1111-1111-111111111111");
    private static final LeadRecord SECOND = lead("22222222-2222-2222-2222-222222222222");

    private final ExampleConnector connector = new ExampleConnector();

    private static LeadRecord lead(String id) {
        return LeadRecord.builder().leadId(UUID.fromString(id)).receivedAt(Instant.EPOCH)
                .customer(Customer.builder().firstName("Dana").lastName("Reyes").email("dana@example.com").build())
                .build();
    }

    private static VendorResponse response(int status, Map<String, List<String>> headers, String body) {
        return VendorResponse.of(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static FakeConnectorContext.Builder context() {
        return FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR).credential("accessToken", TOKEN);
    }

    @Test
    void deliversABatchWithOneOutcomePerRecordInOrder() {
        FakeConnectorContext context = context().http(request -> response(200,
                Map.of("X-HubSpot-RateLimit-Remaining", List.of("187")),
                "{\"results\":[{\"id\":\"902\",\"new\":false,\"objectWriteTraceId\":\"" + SECOND.leadId() + "\"},"
                        + "{\"id\":\"901\",\"new\":true,\"objectWriteTraceId\":\"" + FIRST.leadId() + "\"}]}")).build();

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(FIRST, SECOND), context);

        assertThat(outcomes).containsExactly(DeliveryOutcome.created("901"), DeliveryOutcome.updated("902"));
        VendorRequest sent = context.requests().get(0);
        assertThat(sent.credentials()).containsExactly(new CredentialInjection.Bearer("accessToken"));
        assertThat(sent.headers()).doesNotContainKey("Authorization");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("leadbridge_lead_id").doesNotContain(TOKEN);
        assertThat(context.rateLimitReports()).containsExactly(RateLimitReport.remaining(RateLimitScope.WINDOW, 187));
        assertThat(context.metricCounts()).containsEntry("vendor.calls{status=200}", 1L);
        assertThat(context.revealedFields()).isEmpty();
    }

    @Test
    void mapsVendorRefusalsToOutcomes() {
        FakeConnectorContext limited = context().http(request ->
                response(429, Map.of("Retry-After", List.of("7")), "{}")).build();
        FakeConnectorContext unauthorized = context().http(request -> response(401, Map.of(), "{}")).build();
        FakeConnectorContext down = context().http(request -> {
            throw new VendorConnectionException("POST /crm/v3/objects/contacts/batch/upsert: connection refused", null);
        }).build();
        FakeConnectorContext throttled = context().http(request -> {
            throw new RequestThrottledException(Duration.ofSeconds(3), RateLimitScope.WINDOW);
        }).build();

        assertThat(connector.deliver(List.of(FIRST, SECOND), limited))
                .containsOnly(DeliveryOutcome.rateLimited(Duration.ofSeconds(7), RateLimitScope.WINDOW)).hasSize(2);
        assertThat(connector.deliver(List.of(FIRST), unauthorized)).singleElement()
                .isInstanceOf(DeliveryOutcome.AuthFailed.class);
        assertThat(connector.deliver(List.of(FIRST), down)).singleElement()
                .isEqualTo(DeliveryOutcome.retryable("VendorConnectionException"));
        assertThat(connector.deliver(List.of(FIRST), throttled)).singleElement()
                .isEqualTo(DeliveryOutcome.rateLimited(Duration.ofSeconds(3), RateLimitScope.WINDOW));
        assertThat(down.logLines()).singleElement().asString()
                .startsWith("WARN batch of 1 not sent: POST").doesNotContain(TOKEN, "dana@example.com");
    }

    @Test
    void aRecordMissingFromTheVendorAnswerIsRetryable() {
        FakeConnectorContext context = context().http(request -> response(207, Map.of(),
                "{\"results\":[{\"id\":\"901\",\"new\":true,\"objectWriteTraceId\":\"" + FIRST.leadId() + "\"}]}"))
                .build();

        assertThat(connector.deliver(List.of(FIRST, SECOND), context))
                .containsExactly(DeliveryOutcome.created("901"), DeliveryOutcome.retryable("no result for this lead"));
    }

    @Test
    void aMissingCredentialIsRefusedBeforeSending() {
        FakeConnectorContext context = FakeConnectorContext.builder(ExampleConnector.DESCRIPTOR)
                .http(request -> response(200, Map.of(), "{}")).build();

        assertThatThrownBy(() -> connector.check(context)).isInstanceOf(CredentialUnavailableException.class)
                .hasMessageContaining("accessToken");
        assertThat(context.requests()).isEmpty();
    }

    @Test
    void afterTheCallNothingIsSent() {
        FakeConnectorContext context = context().http(request -> response(200, Map.of(), "{}")).build();
        context.end();

        assertThat(connector.check(context).ok()).isFalse();
        assertThat(connector.deliver(List.of(FIRST), context)).singleElement()
                .isEqualTo(DeliveryOutcome.retryable("VendorTimeoutException"));
        assertThat(context.requests()).isEmpty();
    }
}
