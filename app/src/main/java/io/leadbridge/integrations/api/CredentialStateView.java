package io.leadbridge.integrations.api;

import io.leadbridge.credentials.CredentialMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;

/** All the API ever shows of a credential: whether it is set, its fingerprint, when it changed. Immutable. */
public record CredentialStateView(boolean set, @Schema(nullable = true) String fingerprint, @Schema(nullable = true) Instant updatedAt) {

  public static CredentialStateView of(Optional<CredentialMetadata> metadata) {
    return metadata
        .map(m -> new CredentialStateView(true, m.fingerprint(), m.updatedAt()))
        .orElse(new CredentialStateView(false, null, null));
  }
}
