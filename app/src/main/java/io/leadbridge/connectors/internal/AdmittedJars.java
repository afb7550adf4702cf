package io.leadbridge.connectors.internal;

import io.leadbridge.connectors.PluginDirectory.AdmittedJar;
import io.leadbridge.connectors.PluginDirectory.RefusedJar;
import io.leadbridge.connectors.PluginDirectory.Scan;
import io.leadbridge.connectors.PluginsException;
import io.leadbridge.connectors.TrustConfiguration;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.ManifestPluginDescriptorFinder;

/**
 * Reads a plugins directory the way the host admits jars, without loading a class: the seam where
 * every admission rule the host applies before loading code must be applied too, so that
 * {@code flags sync} creates flags for exactly the plugins a hub would run. Stateless and thread-safe.
 */
public final class AdmittedJars {

  private AdmittedJars() {}

  /** See {@link io.leadbridge.connectors.PluginDirectory#scan}. */
  public static Scan scan(Path directory, TrustConfiguration trust) {
    List<Path> jars;
    try {
      jars = jars(directory);
    } catch (IOException e) {
      throw new PluginsException.DirectoryUnreadable();
    }
    Map<String, AdmittedJar> byId = new LinkedHashMap<>();
    List<RefusedJar> refused = new ArrayList<>();
    Admission admission;
    try {
      admission = Admission.load(trust);
    } catch (IOException e) {
      admission = Admission.none("no jar is trusted: " + Causes.oneLine(String.valueOf(e.getMessage())));
    }
    for (Path jar : jars) {
      String file = jar.getFileName().toString();
      Optional<String> untrusted = untrusted(admission, jar);
      if (untrusted.isPresent()) {
        refused.add(new RefusedJar(file, untrusted.get()));
        continue;
      }
      PluginManifest manifest = PluginManifest.read(jar);
      if (manifest.problem().isPresent()) {
        refused.add(new RefusedJar(file, manifest.problem().get()));
        continue;
      }
      String id = manifest.id().orElseThrow();
      AdmittedJar earlier = byId.get(id);
      if (earlier != null) {
        refused.add(new RefusedJar(file, "plugin id '" + id + "' is also in " + earlier.file()));
        continue;
      }
      byId.put(id, new AdmittedJar(file, id, manifest.version().orElseThrow(), description(jar)));
    }
    List<AdmittedJar> admitted = new ArrayList<>(byId.values());
    admitted.sort(Comparator.comparing(AdmittedJar::id));
    return new Scan(admitted, refused);
  }

  /** Why admission refuses the jar, if it does: the host's own rule, on the operator's file. */
  private static Optional<String> untrusted(Admission admission, Path jar) {
    try {
      Admission.Verdict verdict = admission.decide(jar, JarCopies.sha256(jar));
      return verdict.trusted() ? Optional.empty() : verdict.cause();
    } catch (IOException e) {
      return Optional.of(Causes.of("the jar cannot be read", e));
    }
  }

  /** The {@code *.jar} files of a plugins directory that the host scans (not hidden), by file name. */
  static List<Path> jars(Path directory) throws IOException {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry)) {
          jars.add(entry);
        }
      }
    }
    jars.sort(Comparator.comparing(jar -> jar.getFileName().toString()));
    return jars;
  }

  /** Already read once by {@link PluginManifest}, so a failure here is a race with a writer: no description. */
  private static String description(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
      String description = main.getValue(ManifestPluginDescriptorFinder.PLUGIN_DESCRIPTION);
      return description == null ? "" : Causes.oneLine(description).strip();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
