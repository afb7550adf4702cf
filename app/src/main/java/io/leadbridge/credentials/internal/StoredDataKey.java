package io.leadbridge.credentials.internal;

import java.util.UUID;

/** A {@code credentials.data_keys} row: a data key as stored, wrapped under a KEK. Immutable. */
public record StoredDataKey(UUID tenantId, int version, String kekId, byte[] wrapped) {}
