package io.leadbridge.web;

import io.dropwizard.testing.ConfigOverride;
import io.leadbridge.testing.Db;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The requests of {@link LocationHeaderTest} with {@code web.publicBaseUrl} set (with a path and a
 * trailing slash): each {@code Location} is that URL plus the path, never the forged host. Not
 * thread-safe (JUnit runs its tests one at a time).
 */
@ParameterizedClass
@EnumSource(Db.class)
public class PublicBaseUrlLocationTest extends LocationHeaderTest {

  @Override
  ConfigOverride[] extraConfig() {
    return new ConfigOverride[] {
        ConfigOverride.config("delivery.workersEnabled", "false"),
        ConfigOverride.config("web.publicBaseUrl", "https://api.leadbridge.example/hub/")};
  }

  @Override
  String expectedBase() {
    return "https://api.leadbridge.example/hub";
  }
}
