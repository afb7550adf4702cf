package io.leadbridge.connectors;

import io.leadbridge.connector.api.ConnectorDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about one jar in the plugins directory; immutable.
 *
 * @param file the jar's file name in the plugins directory
 * @param id the manifest's {@code Plugin-Id}; empty when the jar has none or cannot be read
 * @param version the manifest's {@code Plugin-Version}; empty when the jar has none
 * @param state whether the plugin runs
 * @param cause why it is FAILED, in one line for a person (never a stack trace); present exactly
 *     when the state is FAILED
 * @param descriptor what the connector said about itself; present exactly when STARTED
 * @param admission what admission found: the jar's SHA-256, its signer, whether and how it is trusted
 */
public record PluginStatus(
    String file,
    Optional<String> id,
    Optional<String> version,
    PluginState state,
    Optional<String> cause,
    Optional<ConnectorDescriptor> descriptor,
    PluginAdmission admission) {

  public PluginStatus {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(admission, "admission");
    if (cause.isPresent() != (state == PluginState.FAILED)) {
      throw new IllegalArgumentException("a cause is given exactly for FAILED plugins");
    }
    if (descriptor.isPresent() != (state == PluginState.STARTED)) {
      throw new IllegalArgumentException("a descriptor is given exactly for STARTED plugins");
    }
  }
}
