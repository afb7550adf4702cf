package io.leadbridge.flags;

/**
 * What the sync needs to know about one flag as the server has it. Immutable and thread-safe.
 *
 * @param name flag name
 * @param type Unleash type name as the server reports it
 * @param description description as the server has it (may be empty)
 * @param hasStrategies whether the flag has any strategy in the environment being synced
 */
public record ServerFlag(String name, String type, String description, boolean hasStrategies) {

  public ServerFlag {
    description = description == null ? "" : description;
  }
}
