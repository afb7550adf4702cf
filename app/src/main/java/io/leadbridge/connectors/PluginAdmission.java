package io.leadbridge.connectors;

import java.util.Objects;
import java.util.Optional;

/**
 * What admission decided about one jar (see {@code connectors.trust}); immutable.
 *
 * @param sha256 the SHA-256 of the jar's content, hex; empty when the file could not be read
 * @param signer the subject of the certificate that signed every entry, when the jar is signed
 * @param trust {@code allowlisted} or {@code signed} when the jar is trusted; empty when it is not
 */
public record PluginAdmission(Optional<String> sha256, Optional<String> signer, Optional<String> trust) {

  /** Nothing is known: the file could not be read. */
  public static final PluginAdmission UNREAD = new PluginAdmission(Optional.empty(), Optional.empty(), Optional.empty());

  public PluginAdmission {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(trust, "trust");
  }

  /** Whether the jar may load. */
  public boolean trusted() {
    return trust.isPresent();
  }
}
