package io.leadbridge.plugins.adf.internal;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.Settings;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.RequestThrottledException;
import io.leadbridge.connector.api.http.VendorHttpException;
import io.leadbridge.connector.api.http.VendorRequest;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts one ADF document to the CRM's intake with the integration's credentials (token header,
 * basic credentials, body signature: whichever the tenant set) and says what the answer means.
 * Stateless and thread-safe.
 */
public final class AdfPost {

    /** How long to pause after a 429 without a Retry-After. */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
    private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"([^\"]{0,100})\"");
    private static final Pattern SHORT_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private AdfPost() {
    }

    /** The request for {@code document}, credentials named for the host to put in at send time. */
    public static VendorRequest request(byte[] document, ConnectorContext context) {
        Settings settings = context.settings();
        if (settings.get(AdfDescriptor.ENCODING).equals("form")) {
        return asForm(document, context);
    }
    VendorRequest.Builder request = authenticated(VendorRequest.post(settings.get(AdfDescriptor.PATH))
                .body(document, settings.get(AdfDescriptor.CONTENT_TYPE) + "; charset=UTF-8"), context);
        if (context.credentials().isSet(AdfDescriptor.SIGNING_SECRET)) {
            String signature = context.credentials().withSecret(AdfDescriptor.SIGNING_SECRET,
                    secret -> BodySignature.hmacSha256Hex(secret.utf8(), document));
            request.header(settings.get(AdfDescriptor.SIGNATURE_HEADER), signature);
        }
        return request.build();
    }

    /** The document in the form field {@code xml}; the host appends {@code apiuser} and {@code apikey}. */
    private static VendorRequest asForm(byte[] document, ConnectorContext context) {
        String form = "xml=" + URLEncoder.encode(new String(document, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        VendorRequest.Builder request = VendorRequest.post(context.settings().get(AdfDescriptor.PATH))
                .body(form.getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
        if (context.credentials().isSet(AdfDescriptor.USERNAME)) {
            request.formCredential("apiuser", AdfDescriptor.USERNAME);
        }
        if (context.credentials().isSet(AdfDescriptor.TOKEN)) {
            request.formCredential("apikey", AdfDescriptor.TOKEN);
        }
        return request.build();
    }

    /** The request with the token and basic credentials the tenant set, if any. */
    public static VendorRequest.Builder authenticated(VendorRequest.Builder request, ConnectorContext context) {
        if (context.credentials().isSet(AdfDescriptor.TOKEN)) {
            String header = context.settings().get(AdfDescriptor.TOKEN_HEADER);
            if (header.toLowerCase(Locale.ROOT).equals("authorization")) {
                request.bearerCredential(AdfDescriptor.TOKEN);
            } else {
                request.headerCredential(header, AdfDescriptor.TOKEN);
            }
        }
        if (context.credentials().isSet(AdfDescriptor.USERNAME)) {
            request.basicCredential(AdfDescriptor.USERNAME, AdfDescriptor.PASSWORD);
        }
        return request;
    }

    /** Sends the lead's document and maps the answer, or its absence, to an outcome. */
    public static DeliveryOutcome deliver(LeadRecord lead, byte[] document, ConnectorContext context) {
        VendorResponse response;
        try {
            response = context.http().send(request(document, context));
        } catch (RequestThrottledException e) {
            return DeliveryOutcome.rateLimited(e.retryAfter(), e.scope());
        } catch (VendorHttpException e) {
            // Timeouts and lost connections: the CRM dedupes on the prospect's id, so a repeat is safe.
            return DeliveryOutcome.retryable("the CRM's ADF intake could not be reached: " + e.getMessage());
        }
        context.metrics().increment("vendor.responses", Map.of("status", response.status() / 100 + "xx"));
        return outcomeOf(response, lead, context);
    }

    /**
     * Some intakes (Calldrip's) answer a refused document with 200 and {@code {"result":"1",
     * "reason":"..."}}: the result code when it is not {@code Success}, quoted only if it is a short
     * token (the reason may repeat the lead's data and is never kept).
     */
    private static Optional<String> refusedResult(VendorResponse response) {
        if (response.contentType().filter(type -> type.toLowerCase(Locale.ROOT).contains("json")).isEmpty()) {
            return Optional.empty();
        }
        Matcher result = RESULT.matcher(response.bodyAsString());
        if (!result.find() || result.group(1).equalsIgnoreCase("success")) {
            return Optional.empty();
        }
        return Optional.of(SHORT_TOKEN.matcher(result.group(1)).matches() ? result.group(1) : "(not shown)");
    }

    private static DeliveryOutcome outcomeOf(VendorResponse response, LeadRecord lead, ConnectorContext context) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            Optional<String> refused = refusedResult(response);
            if (refused.isPresent()) {
                return DeliveryOutcome.rejected("adf_refused", "the CRM's ADF intake answered HTTP " + status
                        + " with result " + refused.get() + ": it did not take the document");
            }
            // ADF intakes answer 200 without an id of their own: the prospect's id is the lead id.
            return DeliveryOutcome.created(lead.leadId().toString());
        }
        if (status == 401 || status == 403) {
            return DeliveryOutcome.authFailed("the CRM's ADF intake refused the credentials (HTTP " + status + ")");
        }
        if (status == 429) {
            Duration wait = response.retryAfter(context.clock()).orElse(DEFAULT_RATE_LIMIT_WAIT);
            context.rateLimits().retryAfter(wait, RateLimitScope.WINDOW);
            return DeliveryOutcome.rateLimited(wait, RateLimitScope.WINDOW);
        }
        if (status == 408 || status >= 500) {
            return new DeliveryOutcome.Retryable("the CRM's ADF intake answered HTTP " + status,
                    response.retryAfter(context.clock()));
        }
        // The CRM's words may repeat the lead's personal data: only the status is kept.
        return DeliveryOutcome.rejected("HTTP_" + status, "the CRM's ADF intake refused the document (HTTP "
                + status + ")");
    }
}
