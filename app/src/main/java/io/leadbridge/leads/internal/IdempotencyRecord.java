package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code lead_idempotency_keys} row; immutable.
 *
 * @param responseStatus the first answer's status; 0 while in flight
 * @param responseBody the first answer's body; null while in flight
 */
public record IdempotencyRecord(
    String requestHash, UUID claimToken, boolean completed, int responseStatus, String responseBody,
    UUID leadId, Instant claimedAt) {}
