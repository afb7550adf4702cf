package io.leadbridge.connectors;

import io.leadbridge.connectors.internal.AdmittedJars;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The plugins a hub would admit from a plugins directory, read from their manifests without loading
 * any of their code: what tools outside a running hub ({@code flags sync}) work from. Stateless and
 * thread-safe.
 */
public final class PluginDirectory {

  private PluginDirectory() {}

  /**
   * Reads every {@code *.jar} of the directory. A jar is admitted when the host would start to load
   * it (trusted by {@code trust}, and the same manifest checks as the host's); the others are
   * refused with the host's one-line cause.
   *
   * @throws PluginsException.DirectoryUnreadable if the directory cannot be listed
   */
  public static Scan scan(Path directory, TrustConfiguration trust) {
    return AdmittedJars.scan(directory, trust);
  }

  /**
   * One scan of a plugins directory; immutable.
   *
   * @param admitted the admitted jars, one per plugin id, ordered by id
   * @param refused the jars the host would mark FAILED, ordered by file name
   */
  public record Scan(List<AdmittedJar> admitted, List<RefusedJar> refused) {
    public Scan {
      admitted = List.copyOf(admitted);
      refused = List.copyOf(refused);
    }
  }

  /**
   * A jar the host would admit; immutable.
   *
   * @param file its file name
   * @param id its {@code Plugin-Id}
   * @param version its {@code Plugin-Version}
   * @param description its {@code Plugin-Description}, empty when it has none (third-party text, one line)
   */
  public record AdmittedJar(String file, String id, String version, String description) {
    public AdmittedJar {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * A jar the host would refuse; immutable.
   *
   * @param file its file name
   * @param cause why, in one line
   */
  public record RefusedJar(String file, String cause) {}
}
