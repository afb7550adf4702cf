package io.leadbridge.flags;

/**
 * The Unleash flag types Leadbridge uses, so a definition cannot name a type the server rejects.
 * Immutable and thread-safe.
 */
public enum FlagType {
  RELEASE("release"),
  EXPERIMENT("experiment"),
  OPERATIONAL("operational"),
  KILL_SWITCH("kill-switch"),
  PERMISSION("permission");

  private final String unleashName;

  FlagType(String unleashName) {
    this.unleashName = unleashName;
  }

  /** The type's name in the Unleash Admin API and in client-features JSON. */
  public String unleashName() {
    return unleashName;
  }
}
