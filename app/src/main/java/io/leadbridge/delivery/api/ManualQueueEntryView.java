package io.leadbridge.delivery.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead waiting in the tenant's manual queue: which integration it did not reach, why, and the
 * lead itself so staff can enter it by hand; immutable.
 *
 * @param queuedAt when it entered the queue
 * @param lead the lead as the tenant sent it
 */
public record ManualQueueEntryView(
    UUID deliveryId,
    UUID leadId,
    @Schema(nullable = true) String externalId,
    @Schema(nullable = true) UUID integrationId,
    @Schema(nullable = true) String integrationKind,
    @Schema(nullable = true) String connector,
    @Schema(nullable = true) String reasonCode,
    @Schema(nullable = true) String reasonMessage,
    Instant queuedAt,
    JsonNode lead) {}
