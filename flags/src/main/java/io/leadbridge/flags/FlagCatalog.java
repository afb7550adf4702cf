package io.leadbridge.flags;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every flag the hub reads: the flags defined as code (the single source of the embedded bootstrap),
 * plus, through {@link #withPlugins}, one derived connector flag for each plugin that has no line
 * here, which is what the sync applies to an Unleash server. Immutable and thread-safe.
 */
public final class FlagCatalog {

  /**
   * The connectors whose flag text is written by hand. A plugin needs no line here: its flag is
   * derived from its jar ({@link #withPlugins}); a line only gives it better words. Tests check the
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

  /**
   * This catalog plus the derived flag of every plugin it does not define yet, in the order given;
   * a plugin the catalog defines keeps the catalog's definition, and a plugin listed twice counts once.
   *
   * @throws InvalidFlagDefinitionException if a plugin id breaks the naming rule
   */
  public FlagCatalog withPlugins(List<ConnectorPlugin> plugins) {
    List<FlagDefinition> all = new ArrayList<>(flags);
    Set<String> defined = new HashSet<>();
    flags.forEach(flag -> defined.add(flag.name()));
    for (ConnectorPlugin plugin : plugins) {
      FlagDefinition derived = ConnectorFlags.forPlugin(plugin.id(), plugin.description());
      if (defined.add(derived.name())) {
        all.add(derived);
      }
    }
    return new FlagCatalog(all);
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
