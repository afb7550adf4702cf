package io.leadbridge.credentials.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A {@code credentials.envelopes} row: one credential's ciphertext and its metadata. Immutable. */
public record StoredEnvelope(
    UUID id,
    UUID tenantId,
    int keyVersion,
    byte[] envelope,
    Set<String> fieldNames,
    String fingerprint,
    Instant createdAt,
    Instant updatedAt) {}
