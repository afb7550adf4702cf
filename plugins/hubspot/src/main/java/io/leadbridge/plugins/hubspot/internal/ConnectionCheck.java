package io.leadbridge.plugins.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an integration without writing anything: the token, by reading the app's daily API usage
 * ({@code GET /account-info/v3/api-usage/daily/private-apps}, VENDOR-API-FACTS §1.6), whose reset
 * time also tests the time zone setting; then that each id property exists and is unique, by
 * reading a record by it ({@code GET /crm/v3/objects/<type>/<probe>?idProperty=}: 404 means the
 * property is fine); and which portal the token belongs to ({@code GET /account-info/v3/details}),
 * named as the account whose budget the host shares between integrations. One instance per call;
 * used by one thread at a time.
 */
public final class ConnectionCheck {

    private static final String USAGE_PATH = "/account-info/v3/api-usage/daily/private-apps";
    private static final String DETAILS_PATH = "/account-info/v3/details";
    private static final String PROBE_VALUE = "leadbridge-connection-check";
    private static final Duration RESET_TOLERANCE = Duration.ofMinutes(1);

    private final ConnectorContext context;
    private final HubSpotSettings settings;
    private final HubSpotApi api;

    private ConnectionCheck(ConnectorContext context) {
        this.context = context;
        this.settings = HubSpotSettings.of(context);
        this.api = new HubSpotApi(context, settings.portalZone());
    }

    /**
     * @param context the call's context
     * @return whether the token and settings work, with a detail that never holds the token
     */
    public static CheckResult run(ConnectorContext context) {
        return new ConnectionCheck(context).run();
    }

    private CheckResult run() {
        if (settings.zoneProblem().isPresent()) {
            return CheckResult.failure(settings.zoneProblem().get());
        }
        List<String> passed = new ArrayList<>();
        Optional<String> failure = usage(passed);
        if (failure.isEmpty() && !settings.keyedByEmail()) {
            failure = probe("contacts", settings.idProperty(), HubSpotDescriptor.ID_PROPERTY, passed);
        }
        if (failure.isEmpty() && settings.createDeal()) {
            failure = probe("deals", settings.dealIdProperty(), HubSpotDescriptor.DEAL_ID_PROPERTY, passed);
        }
        if (failure.isPresent()) {
            return CheckResult.failure(failure.get());
        }
        Optional<Long> portal = portalId();
        CheckResult passedCheck = CheckResult.success("Connected to HubSpot"
                + portal.map(id -> " portal " + id).orElse("") + ": " + String.join("; ", passed));
        return portal.map(id -> passedCheck.withAccount("portal:" + id)).orElse(passedCheck);
    }

    /**
     * The portal the token belongs to ({@code GET /account-info/v3/details}): HubSpot counts its
     * limits per portal, so the host paces every integration on it against one budget. A check
     * that cannot read it still passes; the integration is then paced on its own.
     */
    private Optional<Long> portalId() {
        HubSpotApi.Result sent = api.send(VendorRequest.get(DETAILS_PATH), "account_details");
        if (!(sent instanceof HubSpotApi.Answered answered) || !answered.response().isSuccess()) {
            return Optional.empty();
        }
        JsonNode id = Json.read(answered.response()).path("portalId");
        return id.canConvertToLong() && id.asLong() > 0 ? Optional.of(id.asLong()) : Optional.empty();
    }

    private Optional<String> usage(List<String> passed) {
        HubSpotApi.Result sent = api.send(VendorRequest.get(USAGE_PATH), "api_usage");
        if (sent instanceof HubSpotApi.Unanswered unanswered) {
            return Optional.of(describe(unanswered.outcome()));
        }
        VendorResponse response = ((HubSpotApi.Answered) sent).response();
        if (!response.isSuccess()) {
            return Optional.of(failureOf(response));
        }
        JsonNode usage = Json.read(response).path("results").path(0);
        String used = Json.text(usage, "currentUsage");
        String limit = Json.text(usage, "usageLimit");
        passed.add("the access token works" + (used.isEmpty() || limit.isEmpty() ? ""
                : ", today's API usage is " + used + " of " + limit));
        return resetsAt(usage).filter(this::disagreesWithZone).map(reset -> HubSpotDescriptor.PORTAL_TIME_ZONE + " "
                + settings.portalZone() + " does not match the HubSpot account, whose daily limit resets at " + reset
                + "; set the account's time zone");
    }

    private static Optional<Instant> resetsAt(JsonNode usage) {
        try {
            return Optional.of(Instant.parse(Json.text(usage, "resetsAt")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private boolean disagreesWithZone(Instant reset) {
        Instant expected = RateLimitSignals.nextMidnight(context.clock().instant(), settings.portalZone());
        return Duration.between(expected, reset).abs().compareTo(RESET_TOLERANCE) > 0;
    }

    private Optional<String> probe(String type, String property, String setting, List<String> passed) {
        VendorRequest.Builder request = VendorRequest.get("/crm/v3/objects/" + type + "/" + PROBE_VALUE)
                .query("idProperty", property).query("properties", "hs_object_id");
        HubSpotApi.Result sent = api.send(request, "property_probe");
        if (sent instanceof HubSpotApi.Unanswered unanswered) {
            return Optional.of(describe(unanswered.outcome()));
        }
        VendorResponse response = ((HubSpotApi.Answered) sent).response();
        if (response.status() == 404 || response.isSuccess()) {
            passed.add(type + " are keyed by the unique property " + property);
            return Optional.empty();
        }
        if (response.status() == 400) {
            HubSpotError error = HubSpotError.of(400, Json.read(response));
            // Property errors quote property names and the portal id, no lead data.
            return Optional.of(setting + " '" + property + "' is not a unique HubSpot " + type + " property: "
                    + error.message() + error.reference());
        }
        return Optional.of(failureOf(response));
    }

    private String failureOf(VendorResponse response) {
        HubSpotError error = HubSpotError.of(response.status(), Json.read(response));
        return api.outcomeForAll(response, error).map(ConnectionCheck::describe)
                .orElse("HubSpot refused the check: " + error.summary() + error.reference());
    }

    private static String describe(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.AuthFailed auth) {
            return auth.message();
        } else if (outcome instanceof DeliveryOutcome.RateLimited limited) {
            return "HubSpot is rate limiting this app (" + limited.scope() + "); try again in "
                    + limited.retryAfter().toSeconds() + " s";
        } else if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            return retryable.reason();
        } else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            return rejected.message();
        }
        return "HubSpot check failed";
    }
}
