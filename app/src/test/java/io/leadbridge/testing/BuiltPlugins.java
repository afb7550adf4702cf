package io.leadbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real connector plugin jars the build made ({@code plugins/<module>/target}), for tests that
 * drop them into a hub's plugins directory. The reactor builds the plugins before the app.
 */
public final class BuiltPlugins {

  public static final Path HUBSPOT = jar("hubspot", "leadbridge-plugin-hubspot-0.1.0.jar");
  public static final Path ADF = jar("adf", "leadbridge-plugin-adf-0.1.0.jar");
  /** The example plugin's own version, deliberately not the hub's: plugins version on their own. */
  public static final String EXAMPLE_VERSION = "0.2.0";

  public static final Path EXAMPLE = jar("example-connector", "leadbridge-plugin-example-" + EXAMPLE_VERSION + ".jar");

  private BuiltPlugins() {}

  private static Path jar(String module, String name) {
    return Path.of("..", "plugins", module, "target", name).toAbsolutePath().normalize();
  }

  /**
   * Copies a plugin jar into a plugins directory and lists it in the directory's test allowlist;
   * fails clearly when the plugin was not built.
   */
  public static Path copy(Path jar, Path pluginsDirectory) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the plugins first (mvn -B verify from the root)");
    }
    try {
      Files.createDirectories(pluginsDirectory);
      TestTrust.allow(pluginsDirectory, jar);
      return Files.copy(jar, pluginsDirectory.resolve(jar.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
