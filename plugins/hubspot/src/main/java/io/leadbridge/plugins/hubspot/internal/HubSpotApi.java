package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RedirectRefusedException;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.ResponseTooLargeException;
import io.leadbridge.connector.api.http.VendorConnectionException;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.http.VendorTimeoutException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one request to HubSpot for a call, with the access token injected by the host, counts it,
 * passes the rate-limit headers on, and names the outcome that an answer (or its absence) means
 * for every record of the request. One instance per call; used by one thread at a time.
 */
final class HubSpotApi {

    private static final int MESSAGE_LENGTH = 200;

    private final ConnectorContext context;
    private final ZoneId portalZone;

    HubSpotApi(ConnectorContext context, ZoneId portalZone) {
        this.context = context;
        this.portalZone = portalZone;
    }

    /** What came of a request. Immutable and thread-safe. */
    sealed interface Result {
    }

    /**
     * HubSpot answered, with any status. Immutable and thread-safe.
     *
     * @param response the answer
     */
    record Answered(VendorResponse response) implements Result {
    }

    /**
     * No answer to read: every record of the request gets this outcome. Immutable and thread-safe.
     *
     * @param outcome the outcome
     */
    record Unanswered(DeliveryOutcome outcome) implements Result {
    }

    /**
     * @param request  the request, without credentials
     * @param endpoint a short metric tag naming the endpoint
     * @return the answer, or the outcome its absence means
     */
    Result send(VendorRequest.Builder request, String endpoint) {
        VendorResponse response;
        try {
            response = context.http().send(request.bearerCredential(HubSpotDescriptor.ACCESS_TOKEN).build());
        } catch (VendorHttpException e) {
            count(endpoint, "none");
            return new Unanswered(outcomeOf(e));
        }
        count(endpoint, response.status() == 429 ? "429" : response.status() / 100 + "xx");
        RateLimitSignals.report(response, context, portalZone);
        return new Answered(response);
    }

    private static DeliveryOutcome outcomeOf(VendorHttpException e) {
        // Exception messages of the host's client name method and path only: safe to store.
        if (e instanceof RequestThrottledException throttled) {
            return DeliveryOutcome.rateLimited(throttled.retryAfter(), throttled.scope());
        } else if (e instanceof VendorTimeoutException) {
            return DeliveryOutcome.retryable("HubSpot did not answer in time: " + e.getMessage());
        } else if (e instanceof VendorConnectionException) {
            return DeliveryOutcome.retryable("HubSpot could not be reached: " + e.getMessage());
        } else if (e instanceof ResponseTooLargeException) {
            return DeliveryOutcome.retryable("HubSpot's answer was larger than the host accepts: " + e.getMessage());
        } else if (e instanceof RedirectRefusedException) {
            return DeliveryOutcome.retryable("HubSpot redirected to another host; check the integration's base URL: "
                    + e.getMessage());
        }
        return DeliveryOutcome.retryable("HubSpot call failed: " + e.getClass().getSimpleName());
    }

    /**
     * The outcome a non-2xx answer means for every record of its request, unless its errors are
     * about single records (400 with property details, 409).
     *
     * @param response the answer
     * @param error    its body
     * @return the outcome for every record; empty when the error is about records
     */
    Optional<DeliveryOutcome> outcomeForAll(VendorResponse response, HubSpotError error) {
        int status = response.status();
        if (status == 401 || status == 403) {
            // HubSpot's auth messages are fixed texts about the token or its scopes: useful to show.
            context.log().warn("HubSpot refused the access token: HTTP {} {}", status, error.category());
            String said = error.message().isEmpty() ? "" : " - " + cut(error.message());
            return Optional.of(DeliveryOutcome.authFailed("HubSpot refused the access token: " + status + " "
                    + error.category() + said + error.reference()));
        }
        if (status == 429) {
            return Optional.of(RateLimitSignals.outcomeOf429(response, error, context, portalZone));
        }
        if (status >= 500) {
            return Optional.of(new DeliveryOutcome.Retryable("HubSpot answered " + status + error.reference(),
                    response.retryAfter(context.clock())));
        }
        if (status == 409 || (status == 400 && !error.details().isEmpty())) {
            return Optional.empty();
        }
        if (status >= 400) {
            // About the request as a whole (a bad idProperty, an unknown endpoint): not the lead's data.
            return Optional.of(DeliveryOutcome.rejected(error.code(), "HubSpot refused the request as a whole: "
                    + error.summary() + "; check the integration's settings and base URL" + error.reference()));
        }
        return Optional.of(DeliveryOutcome.retryable("HubSpot answered an unexpected HTTP " + status));
    }

    private static String cut(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH) + "...";
    }

    private void count(String endpoint, String status) {
        context.metrics().increment("vendor.calls", Map.of("endpoint", endpoint, "status", status));
    }
}
