package io.leadbridge.flags;

import java.util.Objects;

/**
 * A connector plugin as the flags see it: its id, which names the flag {@code connector.<id>}, and
 * what it says it is, which words the flag's description. Immutable and thread-safe.
 *
 * @param id the plugin's {@code Plugin-Id}
 * @param description its {@code Plugin-Description} or display name; may be blank
 */
public record ConnectorPlugin(String id, String description) {

  public ConnectorPlugin {
    Objects.requireNonNull(id, "id");
    description = description == null ? "" : description;
  }
}
