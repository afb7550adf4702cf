package io.leadbridge.delivery.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Moves a tenant's held deliveries to its manual queue; each filter given narrows the move.
 * Immutable.
 *
 * @param connector only those through this connector
 * @param integrationId only those of this integration
 * @param reason only those held for this reason
 */
public record MoveHeldRequest(
    @NotNull UUID tenantId,
    @Schema(nullable = true) @Pattern(regexp = "[a-z][a-z0-9-]{1,40}") String connector,
    @Schema(nullable = true) UUID integrationId,
    @Schema(nullable = true, allowableValues = {"connector_not_enabled", "integration_paused", "integration_disabled",
        "connector_quarantined"})
        @Pattern(regexp = "connector_not_enabled|integration_paused|integration_disabled|connector_quarantined",
            message = "must be connector_not_enabled, integration_paused, integration_disabled or connector_quarantined")
        String reason) {}
