package io.leadbridge.leads.internal;

import java.time.Instant;
import java.util.UUID;

/** A {@code leads} row, its body still as canonical JSON; immutable. {@code duplicateOf} may be null. */
public record StoredLead(UUID id, UUID tenantId, String body, Instant receivedAt, Instant createdAt, UUID duplicateOf) {}
