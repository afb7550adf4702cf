package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery this node has claimed under a lease token, about to be sent; immutable.
 *
 * @param attempts attempts made before this one
 */
public record ClaimedDelivery(UUID id, UUID leadId, int attempts, Instant createdAt) {}
