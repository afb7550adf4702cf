package io.leadbridge.flags;

/**
 * A flag whose description or type on the server differs from its definition; the sync sets both
 * from the definition. Immutable and thread-safe.
 *
 * @param definition what the flag should be
 * @param server what the server has now
 */
public record MetadataChange(FlagDefinition definition, ServerFlag server) {

  /** Whether the server's type differs from the definition's. */
  public boolean typeChanges() {
    return !definition.type().unleashName().equals(server.type());
  }

  /** Whether the server's description differs from the definition's. */
  public boolean descriptionChanges() {
    return !definition.serverDescription().equals(server.description());
  }
}
