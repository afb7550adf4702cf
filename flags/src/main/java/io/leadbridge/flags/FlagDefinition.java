package io.leadbridge.flags;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One flag as code: what it is for, who owns it, and how it starts in the embedded default and on a
 * new Unleash server. Immutable and thread-safe.
 *
 * @param name Unleash flag name, for connectors {@code connector.<pluginId>}
 * @param owner team that answers for the flag
 * @param description what the flag gates and what "off" means, for the people in the Unleash UI
 * @param type Unleash flag type
 * @param defaultOn whether the flag's environment is switched on, both in the bootstrap and when
 *     the sync creates the flag; the rollout below still decides which tenants see it
 * @param embeddedRollout strategy in the bootstrap used when no Unleash server is configured
 * @param initialServerRollout strategy the sync gives the flag when it creates it on a server;
 *     after that the strategy belongs to the people who run the rollout, and the sync leaves it alone
 */
public record FlagDefinition(
    String name,
    String owner,
    String description,
    FlagType type,
    boolean defaultOn,
    TenantRollout embeddedRollout,
    TenantRollout initialServerRollout) {

  /** Dot-separated lower-case segments: safe in Admin API paths and readable in the UI. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  public FlagDefinition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(embeddedRollout, "embeddedRollout");
    Objects.requireNonNull(initialServerRollout, "initialServerRollout");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidFlagDefinitionException("flag name must match " + NAME + ", got '" + name + "'");
    }
    requireText(name, "owner", owner);
    requireText(name, "description", description);
  }

  /**
   * The description as stored on the server; it carries the owner because Unleash OSS has no owner
   * field, and the people in the UI need to know whom to ask.
   */
  public String serverDescription() {
    return description + " Owner: " + owner + ".";
  }

  private static void requireText(String flag, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFlagDefinitionException("flag " + flag + " needs a " + field);
    }
  }
}
