package io.leadbridge.leads;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One lead on its way to one integration, as the delivery module reports it ({@link DeliveryOutbox});
 * immutable.
 *
 * @param status the delivery's status name ({@code pending}, {@code delivered}, ...), which the
 *     delivery module owns
 * @param lastErrorCode the code of the last failed attempt, if any
 * @param remoteId the record's id at the vendor, once delivered
 */
public record Delivery(
    UUID id,
    UUID leadId,
    UUID integrationId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastErrorCode,
    Optional<String> remoteId,
    Instant updatedAt) {}
