package io.leadbridge.flags;

import java.util.regex.Pattern;

/**
 * The naming convention and the definition template for per-tenant connector flags, shared by the
 * catalog and by the code that evaluates them. Stateless and thread-safe.
 */
public final class ConnectorFlags {

  /** Prefix of every connector flag; the rest of the name is the PF4J plugin id. */
  public static final String PREFIX = "connector.";

  /** Plugin ids the hub accepts: short, lower-case, URL-safe. */
  public static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");

  /** The team that answers for connector rollouts. */
  static final String OWNER = "team-integrations";

  private ConnectorFlags() {}

  /** The flag that gates the plugin per tenant. */
  public static String flagName(String pluginId) {
    requireValidPluginId(pluginId);
    return PREFIX + pluginId;
  }

  /** Whether the id follows the plugin id convention. */
  public static boolean isValidPluginId(String pluginId) {
    return pluginId != null && PLUGIN_ID.matcher(pluginId).matches();
  }

  /**
   * The definition of a connector's flag. Embedded default: on for every tenant, so a developer
   * running without an Unleash server sees every connector work. On a real server the flag starts
   * with its environment on but a 0% rollout: closed for every tenant until product managers widen
   * it, and widening needs only the rollout slider, not a second switch.
   *
   * <p>Type {@link FlagType#PERMISSION}: the flag lives as long as the plugin, and Unleash would mark
   * a long-lived release flag "potentially stale", inviting someone to archive it, which would close
   * the connector for every tenant.
   */
  static FlagDefinition connector(String pluginId, String vendorName) {
    return new FlagDefinition(
        flagName(pluginId),
        OWNER,
        "May this tenant use the " + vendorName + " connector (plugin '" + pluginId + "')?"
            + " Evaluated per tenant (userId = tenant id). When off, the tenant's new deliveries to "
            + vendorName + " are held, not dropped, and flow again when it is back on.",
        FlagType.PERMISSION,
        true,
        TenantRollout.allTenants(),
        TenantRollout.noTenants());
  }

  /**
   * The definition of the flag of a plugin that brings no line in the catalog: the same template,
   * named by the plugin's own words (its {@code Plugin-Description}, bounded and stripped of control
   * characters because it comes from a jar). Adding a connector therefore needs no edit of this module.
   *
   * @param pluginId the plugin's {@code Plugin-Id}
   * @param pluginDescription what the plugin says it is; blank when it says nothing
   */
  public static FlagDefinition forPlugin(String pluginId, String pluginDescription) {
    String said = PluginText.of(pluginDescription);
    return connector(pluginId, said.isEmpty() ? "'" + pluginId + "'" : said);
  }

  private static void requireValidPluginId(String pluginId) {
    if (!isValidPluginId(pluginId)) {
      throw new InvalidFlagDefinitionException(
          "plugin id must match " + PLUGIN_ID + ", got '" + pluginId + "'");
    }
  }
}
