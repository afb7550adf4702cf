package io.leadbridge.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.http.CredentialInjection;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the example connector over real HTTP against a tiny Example CRM, through the fake context
 * a plugin author uses. Each test runs confined to one JUnit thread.
 */
class ExampleConnectorTest {

    private static final String API_KEY = "ex-key-4f1c9a";

    private final ExampleConnector connector = new ExampleConnector();
    private ExampleCrmServer crm;

    @BeforeEach
    void startCrm() throws IOException {
        crm = new ExampleCrmServer(API_KEY);
    }

    @AfterEach
    void stopCrm() {
        crm.close();
    }

    private FakeConnectorContext context(String apiKey) {
        return FakeConnectorContext.builder(connector.descriptor()).baseUrl(crm.baseUrl())
                .credential("apiKey", apiKey).build();
    }

    private static LeadRecord lead(String lastName) {
        return LeadRecord.builder().leadId(UUID.randomUUID()).receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
                .customer(Customer.builder().firstName("Dana").lastName(lastName).email("dana@example.com").build())
                .vehicle(VehicleOfInterest.builder().year(2021).make("Honda").model("Accord").build())
                .comments("Wants a \"test drive\" Saturday")
                .build();
    }

    @Test
    void describesItselfWithTheIdAndVersionOfItsManifest() {
        ConnectorDescriptor descriptor = connector.descriptor();

        // From the pom (plugin.id, project.version; the parent passes them to the tests): a copy of
        // this module keeps passing after its pom is changed, and fails if the descriptor does not follow.
        assertThat(descriptor.id()).isEqualTo(System.getProperty("plugin.id")).isNotBlank();
        assertThat(descriptor.pluginVersion()).isEqualTo(System.getProperty("plugin.version")).isNotBlank();
        assertThat(descriptor.credentialFields()).extracting(FieldSpec::name, FieldSpec::secret, FieldSpec::required)
                .containsExactly(tuple("apiKey", true, true));
        assertThat(descriptor.defaultBaseUrl()).isEmpty();
        assertThat(connector.descriptor()).isEqualTo(descriptor);
    }

    @Test
    void aLeadDeliveredTwiceIsStoredOnceAndUpdated() {
        LeadRecord lead = lead("Reyes");

        List<DeliveryOutcome> first = connector.deliver(List.of(lead), context(API_KEY));
        List<DeliveryOutcome> second = connector.deliver(List.of(lead), context(API_KEY));

        assertThat(first).containsExactly(DeliveryOutcome.created("crm-1"));
        assertThat(second).containsExactly(DeliveryOutcome.updated("crm-1"));
        assertThat(crm.storedBodies()).containsOnlyKeys(lead.leadId().toString());
        assertThat(crm.storedBodies().get(lead.leadId().toString()))
                .contains("\"id\":\"" + lead.leadId() + "\"", "\"source\":\"leadbridge\"", "\"lastName\":\"Reyes\"",
                        "\"vehicles\":[{\"year\":2021,\"make\":\"Honda\",\"model\":\"Accord\"}]",
                        "\"comments\":\"Wants a \\\"test drive\\\" Saturday\"");
    }

    @Test
    void theHostInjectsTheApiKeySoThePluginNeverHoldsIt() {
        FakeConnectorContext context = context(API_KEY);

        connector.deliver(List.of(lead("Reyes")), context);

        assertThat(crm.apiKeysSeen()).containsExactly(API_KEY);
        assertThat(context.requests()).singleElement().satisfies(request -> {
            assertThat(request.credentials()).containsExactly(new CredentialInjection.Header("X-Api-Key", "apiKey"));
            assertThat(request.headers()).doesNotContainKey("X-Api-Key");
        });
        assertThat(context.revealedFields()).isEmpty();
    }

    @Test
    void mapsTheVendorsAnswersToOutcomes() {
        crm.forceNext(422, -1);
        crm.forceNext(503, 7);

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(lead("A"), lead("B"), lead("C")), context(API_KEY));

        assertThat(outcomes).containsExactly(
                DeliveryOutcome.rejected("HTTP_422", "Example CRM refused the lead (HTTP 422)"),
                DeliveryOutcome.retryable("Example CRM answered HTTP 503", Duration.ofSeconds(7)),
                DeliveryOutcome.created("crm-1"));
    }

    @Test
    void aRateLimitStopsTheBatchAndPausesTheIntegration() {
        crm.forceNext(429, 30);
        FakeConnectorContext context = context(API_KEY);

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(lead("A"), lead("B")), context);

        DeliveryOutcome limited = DeliveryOutcome.rateLimited(Duration.ofSeconds(30), RateLimitScope.WINDOW);
        assertThat(outcomes).containsExactly(limited, limited);
        assertThat(context.requests()).hasSize(1);
        assertThat(context.retryAfters()).containsExactly(Map.entry(RateLimitScope.WINDOW, Duration.ofSeconds(30)));
    }

    @Test
    void aRefusedKeyPausesTheIntegrationWithoutQuotingTheKey() {
        FakeConnectorContext context = context("ex-key-wrong");

        List<DeliveryOutcome> outcomes = connector.deliver(List.of(lead("A"), lead("B")), context);

        DeliveryOutcome refused = DeliveryOutcome.authFailed("Example CRM refused the API key (HTTP 401)");
        assertThat(outcomes).containsExactly(refused, refused);
        assertThat(context.requests()).hasSize(1);
        assertThat(connector.check(context)).isEqualTo(CheckResult.failure("Example CRM refused the API key (HTTP 401)"));
    }

    @Test
    void anUnreachableVendorIsRetryable() {
        FakeConnectorContext context = FakeConnectorContext.builder(connector.descriptor())
                .baseUrl(URI.create("http://127.0.0.1:1/crm")).credential("apiKey", API_KEY).build();

        assertThat(connector.deliver(List.of(lead("A")), context)).singleElement()
                .isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(connector.check(context).ok()).isFalse();
    }

    @Test
    void checkPassesWithAValidKey() {
        assertThat(connector.check(context(API_KEY))).isEqualTo(CheckResult.success("Example CRM accepted the API key"));
    }
}
