package io.leadbridge.flags;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every flag the hub reads, as code: the single source for the embedded bootstrap and for the sync
 * to an Unleash server. Immutable and thread-safe.
 */
public final class FlagCatalog {

  /**
   * One line per connector plugin: adding a plugin means adding its line here. Tests check the
   * naming rules; the bootstrap and the server follow at the next build and sync.
   */
  private static final List<FlagDefinition> CONNECTORS = List.of(
      ConnectorFlags.connector("hubspot", "HubSpot CRM"),
      ConnectorFlags.connector("example", "Example"));

  private final List<FlagDefinition> flags;

  /** A catalog of the given flags, in the given order; rejects a name defined twice. */
  public FlagCatalog(List<FlagDefinition> flags) {
    this.flags = List.copyOf(flags);
    Set<String> seen = new HashSet<>();
    for (FlagDefinition flag : this.flags) {
      if (!seen.add(flag.name())) {
        throw new InvalidFlagDefinitionException("flag " + flag.name() + " is defined twice");
      }
    }
  }

  /** The hub's catalog: every flag the hub reads. */
  public static FlagCatalog standard() {
    return new FlagCatalog(CONNECTORS);
  }

  /** All flags, in catalog order. */
  public List<FlagDefinition> flags() {
    return flags;
  }

  /** The flag with that name, if the catalog has it. */
  public Optional<FlagDefinition> find(String name) {
    return flags.stream().filter(flag -> flag.name().equals(name)).findFirst();
  }

  /** The flag gating that connector plugin, if the catalog has it (a plugin without one is a bug). */
  public Optional<FlagDefinition> connectorFlag(String pluginId) {
    return ConnectorFlags.isValidPluginId(pluginId)
        ? find(ConnectorFlags.flagName(pluginId))
        : Optional.empty();
  }

  /** Plugin ids of every connector flag, in catalog order. */
  public List<String> connectorPluginIds() {
    return flags.stream()
        .map(FlagDefinition::name)
        .filter(name -> name.startsWith(ConnectorFlags.PREFIX))
        .map(name -> name.substring(ConnectorFlags.PREFIX.length()))
        .toList();
  }
}
