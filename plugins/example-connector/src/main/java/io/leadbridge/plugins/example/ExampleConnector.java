package io.leadbridge.plugins.example;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CrmConnector;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.FieldSpec;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.plugins.example.internal.LeadJson;
import io.leadbridge.plugins.example.internal.PluginInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The smallest complete connector, to copy when starting a new one: it posts each lead as JSON to
 * {@code {baseUrl}/leads} of the (fictional) Example CRM, with an API key the host puts into the
 * {@code X-Api-Key} header. Thread-safe: it keeps no state, everything a call needs comes from its
 * {@link ConnectorContext}.
 *
 * <p>The Example CRM's contract: {@code POST /leads} with an {@code Idempotency-Key} header
 * answers 201 for a new lead and 200 when a lead with that key exists (it is updated), with
 * {@code Location: /leads/<its id>}; 401 for a wrong key, 4xx for a lead it refuses, 429 with
 * {@code Retry-After} when called too often. {@code GET /me} answers 200 for a valid key.
 */
@Extension
public final class ExampleConnector implements CrmConnector {

    /** The credential field: a secret, so the host keeps it in the vault and never shows it. */
    static final String API_KEY = "apiKey";

    /** A settings field, to show how settings are declared and read. */
    static final String LEAD_SOURCE = "leadSource";

    /** How long to pause after a 429 without a Retry-After. */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    // Built once: the host calls descriptor() at every plugin start and expects an equal value.
    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
            .id(PluginInfo.ID)                    // generated from the pom: always equals Plugin-Id
            .pluginVersion(PluginInfo.VERSION)    // likewise Plugin-Version
            .displayName("Example CRM")
            .vendor("Example")
            .credentialField(FieldSpec.builder(API_KEY, "API key").secret().required()
                    .help("Example CRM: Settings > API keys").build())
            .settingsField(FieldSpec.builder(LEAD_SOURCE, "Lead source").defaultValue("leadbridge")
                    .help("Sent as the lead's source when the lead names none").build())
            // No default base URL: each tenant gives the URL of its own Example CRM.
            .defaultRateLimit(RateLimitProfile.of(10, Duration.ofSeconds(1)))
            // Up to 10 leads per deliver call, sent one by one (no BATCH capability).
            .maxBatchSize(10)
            .build();

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        VendorRequest whoAmI = VendorRequest.get("/me").headerCredential("X-Api-Key", API_KEY).build();
        try {
            VendorResponse response = context.http().send(whoAmI);
            if (response.isSuccess()) {
                return CheckResult.success("Example CRM accepted the API key");
            }
            if (response.status() == 401 || response.status() == 403) {
                return CheckResult.failure("Example CRM refused the API key (HTTP " + response.status() + ")");
            }
            return CheckResult.failure("Example CRM answered HTTP " + response.status());
        } catch (VendorHttpException e) {
            // The host's exception messages hold no secret, query or body: safe to show.
            return CheckResult.failure("Example CRM could not be reached: " + e.getMessage());
        }
    }

    @Override
    public List<DeliveryOutcome> deliver(List<LeadRecord> batch, ConnectorContext context) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
        DeliveryOutcome stopped = null;
        for (LeadRecord lead : batch) {
            if (stopped != null) {
                // After a 429 or a refused key, the rest of the batch would fail the same way:
                // give it the same outcome without calling the vendor again.
                outcomes.add(stopped);
                continue;
            }
            DeliveryOutcome outcome = deliverOne(lead, context);
            if (outcome instanceof DeliveryOutcome.RateLimited || outcome instanceof DeliveryOutcome.AuthFailed) {
                stopped = outcome;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private DeliveryOutcome deliverOne(LeadRecord lead, ConnectorContext context) {
        VendorRequest request = VendorRequest.post("/leads")
                // The lead id makes the write idempotent: the host may deliver a lead twice.
                .header("Idempotency-Key", lead.leadId().toString())
                .jsonBody(LeadJson.render(lead, context.settings().get(LEAD_SOURCE)))
                // The host puts the key in at send time; this plugin never sees it.
                .headerCredential("X-Api-Key", API_KEY)
                .build();
        VendorResponse response;
        try {
            response = context.http().send(request);
        } catch (RequestThrottledException e) {
            return DeliveryOutcome.rateLimited(e.retryAfter(), e.scope());
        } catch (VendorHttpException e) {
            // Timeouts and connection failures: retrying is safe because the write is idempotent.
            return DeliveryOutcome.retryable(e.getMessage());
        }
        context.metrics().increment("vendor.responses", Map.of("status", response.status() / 100 + "xx"));
        return outcomeOf(response, lead, context);
    }

    private static DeliveryOutcome outcomeOf(VendorResponse response, LeadRecord lead, ConnectorContext context) {
        int status = response.status();
        if (status == 200 || status == 201) {
            String remoteId = response.header("Location")
                    .map(location -> location.substring(location.lastIndexOf('/') + 1))
                    .filter(id -> !id.isBlank())
                    .orElse(lead.leadId().toString());
            // LeadRecord.toString() prints only the lead id: safe to log, unlike its contents.
            context.log().debug("{} delivered as {} (HTTP {})", lead, remoteId, status);
            return status == 201 ? DeliveryOutcome.created(remoteId) : DeliveryOutcome.updated(remoteId);
        }
        if (status == 401 || status == 403) {
            return DeliveryOutcome.authFailed("Example CRM refused the API key (HTTP " + status + ")");
        }
        if (status == 429) {
            Duration wait = response.retryAfter(context.clock()).orElse(DEFAULT_RATE_LIMIT_WAIT);
            context.rateLimits().retryAfter(wait, RateLimitScope.WINDOW);
            return DeliveryOutcome.rateLimited(wait, RateLimitScope.WINDOW);
        }
        if (status >= 400 && status < 500) {
            // The vendor will refuse this lead again: a dead letter an operator can replay.
            // Quote the status, never the vendor's message, which may repeat personal data.
            return DeliveryOutcome.rejected("HTTP_" + status, "Example CRM refused the lead (HTTP " + status + ")");
        }
        return new DeliveryOutcome.Retryable("Example CRM answered HTTP " + status, response.retryAfter(context.clock()));
    }
}
