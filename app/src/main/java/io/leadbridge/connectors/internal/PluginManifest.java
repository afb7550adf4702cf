package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.ConnectorApiVersion;
import io.leadbridge.connector.api.ConnectorDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * What a plugin jar's manifest says, checked before any of the jar's code is loaded, so that a
 * jar the host cannot run is refused with a cause that names the problem; immutable.
 *
 * @param id the {@code Plugin-Id}, when there is one
 * @param version the {@code Plugin-Version}, when there is one
 * @param problem why the jar cannot run, when it cannot
 */
record PluginManifest(Optional<String> id, Optional<String> version, Optional<String> problem) {

  private static final String[] BUNDLED_HOST_PACKAGES = {"io/leadbridge/connector/api/", "org/pf4j/"};

  /** Reads and checks the jar at {@code jar}. */
  static PluginManifest read(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        return refused(null, null, "the jar has no META-INF/MANIFEST.MF with Plugin-Id, Plugin-Version and Plugin-Requires");
      }
      Attributes main = manifest.getMainAttributes();
      String id = blankToNull(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID));
      String version = blankToNull(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION));
      String problem = problem(file, id, version, main);
      return problem == null
          ? new PluginManifest(Optional.ofNullable(id), Optional.ofNullable(version), Optional.empty())
          : refused(id, version, problem);
    } catch (IOException | SecurityException e) {
      return refused(null, null, Causes.of("the file is not a readable jar", e));
    }
  }

  private static String problem(JarFile file, String id, String version, Attributes main) {
    if (id == null) {
      return "the manifest has no Plugin-Id";
    }
    if (!ConnectorDescriptor.ID.matcher(id).matches()) {
      return "the Plugin-Id '" + Causes.oneLine(id) + "' is not a connector id (" + ConnectorDescriptor.ID.pattern() + ")";
    }
    if (version == null) {
      return "the manifest has no Plugin-Version";
    }
    String dependencies = blankToNull(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_DEPENDENCIES));
    if (dependencies != null) {
      return "the manifest declares Plugin-Dependencies (" + Causes.oneLine(dependencies)
          + "); connector plugins are loaded on their own and cannot depend on other plugins";
    }
    String requires = blankToNull(main.getValue(ManifestPluginDescriptorFinder.PLUGIN_REQUIRES));
    String versionProblem = requiresProblem(requires);
    if (versionProblem != null) {
      return versionProblem;
    }
    String secondId = propertiesId(file);
    if (secondId != null && !secondId.equals(id)) {
      return "the jar names two plugin ids: '" + Causes.oneLine(id) + "' in its manifest and '" + Causes.oneLine(secondId)
          + "' in plugin.properties; a plugin jar names one";
    }
    return bundledHostClass(file);
  }

  /** The {@code plugin.id} of a {@code plugin.properties} at the jar's root (PF4J's other descriptor), if any. */
  private static String propertiesId(JarFile file) {
    JarEntry entry = file.getJarEntry(PropertiesPluginDescriptorFinder.DEFAULT_PROPERTIES_FILE_NAME);
    if (entry == null) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = file.getInputStream(entry)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException unreadable) {
      return "(unreadable)";
    }
    return blankToNull(properties.getProperty(PropertiesPluginDescriptorFinder.PLUGIN_ID));
  }

  /** Why {@code Plugin-Requires} excludes this host's connector API, or null when it includes it. */
  static String requiresProblem(String requires) {
    String provided = ConnectorApiVersion.CURRENT;
    if (requires == null) {
      return "the manifest has no Plugin-Requires: it must name the connector API versions the plugin works with,"
          + " such as '>=1.0.0 & <2.0.0' (the hub provides " + provided + ")";
    }
    // PF4J reads a bare version as a lower bound; so does the host, to agree with PF4J's own check.
    String range = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
    try {
      if (new DefaultVersionManager().checkVersionConstraint(provided, range)) {
        return null;
      }
    } catch (RuntimeException unparsable) {
      return "the Plugin-Requires '" + Causes.oneLine(requires) + "' is not a version range such as '>=1.0.0 & <2.0.0'";
    }
    return "the plugin requires connector API '" + Causes.oneLine(requires) + "', but the hub provides " + provided;
  }

  private static String bundledHostClass(JarFile file) {
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      for (String prefix : BUNDLED_HOST_PACKAGES) {
        if (name.startsWith(prefix) && name.endsWith(".class")) {
          return "the jar bundles " + name + ": the connector API and PF4J come from the hub; declare them with"
              + " scope provided";
        }
      }
    }
    return null;
  }

  private static PluginManifest refused(String id, String version, String problem) {
    return new PluginManifest(Optional.ofNullable(id), Optional.ofNullable(version), Optional.of(problem));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
