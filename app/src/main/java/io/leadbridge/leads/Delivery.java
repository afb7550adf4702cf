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
 * @param holdReason why a held delivery waits ({@code integration_paused}, ...), if it is held or
 *     was moved to the manual queue while held
 * @param lastErrorCode the code of the last failed attempt, if any
 * @param lastErrorMessage what the vendor or the hub said about the last failed attempt, redacted
 *     before it was stored
 * @param remoteId the record's id at the vendor, once delivered
 */
public record Delivery(
    UUID id,
    UUID leadId,
    UUID integrationId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> holdReason,
    Optional<String> lastErrorCode,
    Optional<String> lastErrorMessage,
    Optional<String> remoteId,
    Instant updatedAt) {}
