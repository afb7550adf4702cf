package io.leadbridge.delivery.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Moves a tenant's held deliveries to its manual queue; immutable.
 *
 * @param connector only those through this connector; all held ones when absent
 */
public record MoveHeldRequest(@NotNull UUID tenantId, @Pattern(regexp = "[a-z][a-z0-9-]{1,40}") String connector) {}
