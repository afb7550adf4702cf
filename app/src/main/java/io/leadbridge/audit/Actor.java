package io.leadbridge.audit;

import io.leadbridge.auth.Caller;
import java.util.Objects;

/**
 * Who did something, as the audit trail names it: an API key ({@code key:<id>}), a command
 * ({@code cli:<name>}) or a part of the hub acting on its own ({@code system:<component>}).
 * Immutable.
 */
public record Actor(String name) {

  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("an actor name is 1-100 characters");
    }
  }

  public static Actor of(Caller caller) {
    return new Actor("key:" + caller.keyId());
  }

  public static Actor command(String command) {
    return new Actor("cli:" + command);
  }

  public static Actor system(String component) {
    return new Actor("system:" + component);
  }
}
