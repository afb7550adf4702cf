package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.DeliveryOutcome;

/**
 * Maps a HubSpot error about one record (a 207 {@code errors[]} entry, or the 400 or 409 of a
 * single-record request) to that record's outcome. Stateless and thread-safe.
 */
final class RecordErrors {

    private RecordErrors() {
    }

    /**
     * @param error      the error
     * @param idProperty the unique property the write was keyed by
     * @param object     {@code contact} or {@code deal}, for the message
     * @return rejected for data HubSpot will refuse again, retryable when in doubt
     */
    static DeliveryOutcome outcomeOf(HubSpotError error, String idProperty, String object) {
        String category = error.category();
        if ("CONFLICT".equals(category)) {
            return conflict(error, idProperty, object);
        }
        if ("VALIDATION_ERROR".equals(category) || "OBJECT_NOT_FOUND".equals(category)
                || (category.isEmpty() && error.status() == 400)) {
            return DeliveryOutcome.rejected(error.code(), "HubSpot refused the " + object + ": " + error.summary()
                    + error.reference());
        }
        return DeliveryOutcome.retryable("HubSpot could not write the " + object + ": " + error.summary()
                + error.reference());
    }

    private static DeliveryOutcome conflict(HubSpotError error, String idProperty, String object) {
        if (error.properties().contains(idProperty)) {
            // Two writes of the same lead at once (an abandoned call still running): the next
            // attempt finds the record and updates it.
            return DeliveryOutcome.retryable("HubSpot reported a concurrent write of this lead's " + object
                    + " (CONFLICT on " + idProperty + ")" + error.reference());
        }
        String holder = error.existingId().map(id -> " " + id).orElse("");
        String properties = error.properties().isEmpty() ? "a unique value" : String.join(", ", error.properties());
        String hint = properties.contains(HubSpotSettings.EMAIL) ? "; contacts keyed by lead id cannot share an"
                + " e-mail address (set idProperty to email to merge such leads into one contact)" : "";
        return DeliveryOutcome.rejected("CONFLICT", "Another HubSpot " + object + holder + " already has this lead's "
                + properties + hint + error.reference());
    }
}
