package io.leadbridge.connector.api.testing;

import io.leadbridge.connector.api.Capability;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A HubSpot-like batch-upsert connector, only as large as the tests need, written the way the API
 * asks: stateless, credentials injected by the host, one outcome per record. Thread-safe.
 */
final class ExampleConnector implements CrmConnector {

    static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
            .id("example-crm")
            .displayName("Example CRM")
            .vendor("Example")
            .pluginVersion("1.0.0")
            .capabilities(Capability.UPSERT, Capability.BATCH)
            .credentialField(FieldSpec.builder("accessToken", "Access token").secret().required().build())
            .settingsField(FieldSpec.builder("idProperty", "Lead id property").defaultValue("leadbridge_lead_id").build())
            .defaultBaseUrl("https://api.example.com")
            .defaultRateLimit(RateLimitProfile.of(100, Duration.ofSeconds(10)))
            .maxBatchSize(100)
            .build();

    private static final Pattern RESULT = Pattern.compile(
            "\\{\"id\":\"([0-9]+)\",\"new\":(true|false),\"objectWriteTraceId\":\"([0-9a-f-]{36})\"}");

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        try {
            VendorResponse response = context.http().send(
                    VendorRequest.get("/crm/v3/objects/contacts").query("limit", "1").bearerCredential("accessToken").build());
            return response.isSuccess() ? CheckResult.success("Connected") : CheckResult.failure("HTTP " + response.status());
        } catch (VendorHttpException e) {
            return CheckResult.failure(e.getMessage());
        }
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
        String idProperty = context.settings().get("idProperty");
        String inputs = batch.stream()
                .map(lead -> "{\"id\":\"" + lead.leadId() + "\",\"idProperty\":\"" + idProperty
                        + "\",\"objectWriteTraceId\":\"" + lead.leadId() + "\"}")
                .collect(Collectors.joining(",", "{\"inputs\":[", "]}"));
        VendorResponse response;
        try {
            response = context.http().send(VendorRequest.post("/crm/v3/objects/contacts/batch/upsert")
                    .jsonBody(inputs).bearerCredential("accessToken").build());
        } catch (RequestThrottledException e) {
            return all(batch, DeliveryOutcome.rateLimited(e.retryAfter(), e.scope()));
        } catch (VendorHttpException e) {
            context.log().warn("batch of {} not sent: {}", batch.size(), e.getMessage());
            return all(batch, DeliveryOutcome.retryable(e.getClass().getSimpleName()));
        }
        response.header("X-HubSpot-RateLimit-Remaining").ifPresent(remaining -> context.rateLimits()
                .report(RateLimitReport.remaining(RateLimitScope.WINDOW, Long.parseLong(remaining))));
        context.metrics().increment("vendor.calls", Map.of("status", Integer.toString(response.status())));
        Duration wait = response.retryAfter(context.clock()).orElse(Duration.ofSeconds(10));
        switch (response.status()) {
            case 200, 207:
                return byLead(batch, response.bodyAsString());
            case 401:
                return all(batch, DeliveryOutcome.authFailed("Example CRM rejected the access token (401)"));
            case 429:
                return all(batch, DeliveryOutcome.rateLimited(wait, RateLimitScope.WINDOW));
            case 400:
                return all(batch, DeliveryOutcome.rejected("VALIDATION_ERROR", "Example CRM rejected the batch"));
            default:
                return all(batch, DeliveryOutcome.retryable("HTTP " + response.status(), wait));
        }
    }

    private static List<DeliveryOutcome> byLead(List<LeadRecord> batch, String body) {
        Map<UUID, DeliveryOutcome> outcomes = new HashMap<>();
        Matcher result = RESULT.matcher(body);
        while (result.find()) {
            outcomes.put(UUID.fromString(result.group(3)), Boolean.parseBoolean(result.group(2))
                    ? DeliveryOutcome.created(result.group(1)) : DeliveryOutcome.updated(result.group(1)));
        }
        return batch.stream()
                .map(lead -> outcomes.getOrDefault(lead.leadId(), DeliveryOutcome.retryable("no result for this lead")))
                .collect(Collectors.toList());
    }

    private static List<DeliveryOutcome> all(List<LeadRecord> batch, DeliveryOutcome outcome) {
        return Collections.nCopies(batch.size(), outcome);
    }
}
