package io.leadbridge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which profile the hub runs in: a developer's embedded default or for real; decides which shortcuts
 * (such as the local key file) are allowed. Immutable.
 */
public enum Profile {
  DEVELOPMENT,
  PRODUCTION;

  @JsonCreator
  public static Profile fromJson(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
