package io.leadbridge.plugins.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.connector.api.DeliveryOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A HubSpot error, from a whole error body or one {@code errors[]} entry of a 207 (VENDOR-API-FACTS
 * §1.5, §1.6): every field optional. Its {@link #summary()} quotes only codes and property names,
 * never HubSpot's message, which may repeat a rejected value (an e-mail address). Immutable and
 * thread-safe.
 *
 * @param status        the HTTP status; 0 for an {@code errors[]} entry of a 207
 * @param category      {@code category}, or a 429's {@code errorType}; empty if absent
 * @param message       HubSpot's message; shown only where it cannot hold lead data
 * @param correlationId HubSpot's id of the request, for its support
 * @param policyName    a 429's {@code policyName}, such as {@code TEN_SECONDLY_ROLLING} or {@code DAILY}
 * @param details       the {@code errors[]} entries' codes and property names
 */
record HubSpotError(int status, String category, String message, String correlationId, String policyName,
        List<Detail> details) {

    private static final Pattern EXISTING_ID = Pattern.compile("Existing ID: ([0-9]+)");

    /**
     * One {@code errors[]} detail. Immutable and thread-safe.
     *
     * @param code     such as {@code INVALID_EMAIL}; may be empty
     * @param property the property named in {@code in}; may be empty
     */
    record Detail(String code, String property) {
    }

    static HubSpotError of(int status, JsonNode body) {
        String category = Json.text(body, "category");
        List<Detail> details = new ArrayList<>();
        body.path("errors").forEach(entry -> details.add(new Detail(Json.text(entry, "code"), Json.text(entry, "in"))));
        return new HubSpotError(status, category.isEmpty() ? Json.text(body, "errorType") : category,
                Json.text(body, "message"), Json.text(body, "correlationId"), Json.text(body, "policyName"),
                List.copyOf(details));
    }

    /** @return the first detail code, else the category, else {@code HTTP_<status>}: a valid rejection code */
    String code() {
        return details.stream().map(Detail::code)
                .filter(code -> DeliveryOutcome.CODE.matcher(code).matches())
                .findFirst()
                .orElse(DeliveryOutcome.CODE.matcher(category).matches() ? category : httpStatus("_"));
    }

    /** @return such as {@code VALIDATION_ERROR: INVALID_EMAIL on email}; no value HubSpot echoed */
    String summary() {
        String head = category.isEmpty() ? httpStatus(" ") : category;
        String named = details.stream()
                .map(detail -> (detail.code().isEmpty() ? "error" : detail.code())
                        + (detail.property().isEmpty() ? "" : " on " + detail.property()))
                .distinct()
                .collect(Collectors.joining("; "));
        return named.isEmpty() ? head : head + ": " + named;
    }

    /** @return {@code HTTP<separator><status>}, or {@code HUBSPOT_ERROR} for an entry of a 207 */
    private String httpStatus(String separator) {
        return status >= 100 ? "HTTP" + separator + status : "HUBSPOT_ERROR";
    }

    /** @return the properties the details name */
    List<String> properties() {
        return details.stream().map(Detail::property).filter(property -> !property.isEmpty()).toList();
    }

    /** @return the id of the record that already holds a unique value, from a CONFLICT's message */
    Optional<String> existingId() {
        Matcher matcher = EXISTING_ID.matcher(message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** @return {@code " (correlationId <id>)"}, or nothing when HubSpot sent none */
    String reference() {
        return correlationId.isEmpty() ? "" : " (correlationId " + correlationId + ")";
    }
}
