package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.plugins.hubspot.internal.HubSpotDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests answers the simulator does not give but HubSpot or the host may (VENDOR-API-FACTS §1.5,
 * §1.6, §1.8): 403 for missing scopes, 429 without a policy name, an HTTP-date Retry-After, a
 * non-JSON 200, errors matched by id, unknown categories, a throttled host limiter. Each test
 * runs confined to one JUnit thread.
 */
class CannedAnswersTest {

    private final HubSpotConnector connector = new HubSpotConnector();
    private final LeadRecord lead = Leads.withEmail("dana@example.com");

    private static VendorResponse answer(int status, String json, Map<String, List<String>> headers) {
        return VendorResponse.of(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private List<DeliveryOutcome> deliver(VendorHttpClient hubSpot) {
        FakeConnectorContext context = FakeConnectorContext.builder(HubSpotDescriptor.DESCRIPTOR)
                .credential(HubSpotDescriptor.ACCESS_TOKEN, SimulatedPortal.TOKEN).http(hubSpot).build();
        return connector.deliver(List.of(lead), context);
    }

    @Test
    void missingScopesPauseTheIntegration() {
        String body = "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes to make this"
                + " call.\",\"correlationId\":\"c-1\",\"category\":\"MISSING_SCOPES\"}";

        assertThat(deliver(request -> answer(403, body, Map.of()))).containsExactly(DeliveryOutcome.authFailed(
                "HubSpot refused the access token: 403 MISSING_SCOPES - This app hasn't been granted all required scopes"
                        + " to make this call. (correlationId c-1)"));
    }

    @Test
    void a401WithoutBodyStillPausesTheIntegration() {
        assertThat(deliver(request -> answer(401, "", Map.of())))
                .containsExactly(DeliveryOutcome.authFailed("HubSpot refused the access token: 401 "));
    }

    @Test
    void a429WithoutPolicyButNoDailyCallsLeftIsTheDailyLimit() {
        Map<String, List<String>> headers = Map.of("Retry-After", List.of("Thu, 01 Jan 2026 06:00:00 GMT"),
                "X-HubSpot-RateLimit-Daily-Remaining", List.of("0"));

        assertThat(deliver(request -> answer(429, "{\"status\":\"error\"}", headers))).containsExactly(
                DeliveryOutcome.rateLimited(Duration.ofHours(6), RateLimitScope.DAILY));
    }

    @Test
    void theSearchSecondlyLimitWaitsOneSecond() {
        String body = "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"errorType\":"
                + "\"RATE_LIMIT\",\"policyName\":\"SECONDLY\"}";

        assertThat(deliver(request -> answer(429, body, Map.of()))).containsExactly(
                DeliveryOutcome.rateLimited(Duration.ofSeconds(1), RateLimitScope.WINDOW));
    }

    @Test
    void anAnswerThatIsNotJsonLeavesEveryLeadRetryable() {
        assertThat(deliver(request -> answer(200, "<html>Internal Error</html>", Map.of()))).containsExactly(
                DeliveryOutcome.retryable("HubSpot's answer named no result and no error for this lead"));
    }

    @Test
    void errorsWithoutATraceIdAreMatchedByTheIdValue() {
        String body = "{\"status\":\"COMPLETE\",\"results\":[],\"numErrors\":1,\"errors\":[{\"status\":\"error\","
                + "\"category\":\"VALIDATION_ERROR\",\"message\":\"bad\",\"context\":{\"id\":[\"" + lead.leadId() + "\"]},"
                + "\"errors\":[{\"code\":\"INVALID_OPTION\",\"in\":\"lifecyclestage\"}]}]}";

        assertThat(deliver(request -> answer(207, body, Map.of()))).containsExactly(DeliveryOutcome.rejected(
                "INVALID_OPTION", "HubSpot refused the contact: VALIDATION_ERROR: INVALID_OPTION on lifecyclestage"));
    }

    @Test
    void anUnknownErrorCategoryIsRetryableNotRejected() {
        String body = "{\"results\":[],\"errors\":[{\"category\":\"INTERNAL_ERROR\",\"context\":{\"objectWriteTraceId\":[\""
                + lead.leadId() + "\"]}}]}";

        assertThat(deliver(request -> answer(207, body, Map.of()))).containsExactly(
                DeliveryOutcome.retryable("HubSpot could not write the contact: INTERNAL_ERROR"));
    }

    @Test
    void aWrongBaseUrlRejectsEveryLead() {
        String body = "{\"status\":\"error\",\"message\":\"not found\",\"category\":\"OBJECT_NOT_FOUND\"}";

        assertThat(deliver(request -> answer(404, body, Map.of()))).containsExactly(DeliveryOutcome.rejected(
                "OBJECT_NOT_FOUND", "HubSpot refused the request as a whole: OBJECT_NOT_FOUND; check the integration's"
                        + " settings and base URL"));
    }

    @Test
    void theHostsOwnLimiterMakesTheLeadsWait() {
        assertThat(deliver(request -> {
            throw new RequestThrottledException(Duration.ofSeconds(3), RateLimitScope.WINDOW);
        })).containsExactly(DeliveryOutcome.rateLimited(Duration.ofSeconds(3), RateLimitScope.WINDOW));
    }
}
