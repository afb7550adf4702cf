package io.leadbridge.credentials;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What may be shown about a stored credential: which fields are set, a fingerprint that changes
 * when a value changes, and when it was last written; never a value. Immutable.
 *
 * @param fingerprint the first 8 hex digits of an HMAC-SHA256 of the values under a key derived
 *     from the tenant's data key
 */
public record CredentialMetadata(
    CredentialRef ref, UUID tenantId, Set<String> fields, String fingerprint, Instant updatedAt) {

  public CredentialMetadata {
    fields = Set.copyOf(fields);
  }
}
