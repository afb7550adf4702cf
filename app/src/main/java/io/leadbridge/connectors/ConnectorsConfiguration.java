package io.leadbridge.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the plugin host finds connector plugins and how long it waits for them; not thread-safe
 * (configuration, read after start-up).
 *
 * <p><b>The plugins directory.</b> {@code connectors.pluginsDirectory} when set (a relative path is
 * resolved against the working directory, as every path in this file). When it is not set, the
 * default is {@code plugins} <em>beside the application jar</em> ({@code app/target/plugins} for
 * {@code app/target/leadbridge-app-0.1.0-all.jar}), so that the hub finds its plugins wherever it
 * is started from; when the hub does not run from a jar (tests, an IDE) there is no jar to stand
 * beside, and the default is {@code plugins} in the working directory.
 */
public class ConnectorsConfiguration {

  private Path pluginsDirectory;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  private Duration startTimeout = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration maxCallDuration = Duration.minutes(5);

  @NotNull
  @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  private Duration drainGrace = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration shutdownTimeout = Duration.seconds(30);

  @Valid @NotNull private VendorHttpConfiguration http = new VendorHttpConfiguration();

  @Valid @NotNull private ContainmentConfiguration containment = new ContainmentConfiguration();

  @Valid @NotNull private TrustConfiguration trust = new TrustConfiguration();

  /** The directory as configured; empty means "the default" (see the class comment). */
  @JsonProperty("pluginsDirectory")
  public Optional<Path> getPluginsDirectory() {
    return Optional.ofNullable(pluginsDirectory);
  }

  @JsonProperty("pluginsDirectory")
  public void setPluginsDirectory(Path pluginsDirectory) {
    this.pluginsDirectory = pluginsDirectory;
  }

  /** The directory the host scans: the configured one, else the default of the class comment. */
  public Path resolvedPluginsDirectory() {
    return getPluginsDirectory().orElseGet(ConnectorsConfiguration::besideTheJar).toAbsolutePath().normalize();
  }

  /**
   * How long one plugin may take to load, run its {@code Plugin.start()}, construct its extension
   * and describe itself; a plugin that takes longer is FAILED and its thread abandoned.
   */
  @JsonProperty("startTimeout")
  public Duration getStartTimeout() {
    return startTimeout;
  }

  @JsonProperty("startTimeout")
  public void setStartTimeout(Duration startTimeout) {
    this.startTimeout = startTimeout;
  }

  /** The furthest deadline a caller may give a leased call; bounds how long a reload drains. */
  @JsonProperty("maxCallDuration")
  public Duration getMaxCallDuration() {
    return maxCallDuration;
  }

  @JsonProperty("maxCallDuration")
  public void setMaxCallDuration(Duration maxCallDuration) {
    this.maxCallDuration = maxCallDuration;
  }

  /**
   * How long a replaced or removed plugin version is kept after the deadline of its last call in
   * flight before it is unloaded anyway (the call then fails retryably).
   */
  @JsonProperty("drainGrace")
  public Duration getDrainGrace() {
    return drainGrace;
  }

  @JsonProperty("drainGrace")
  public void setDrainGrace(Duration drainGrace) {
    this.drainGrace = drainGrace;
  }

  /** How long stopping the hub waits for calls in flight before it unloads every plugin. */
  @JsonProperty("shutdownTimeout")
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  @JsonProperty("shutdownTimeout")
  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  /** Which plugin jars are admitted. */
  @JsonProperty("trust")
  public TrustConfiguration getTrust() {
    return trust;
  }

  @JsonProperty("trust")
  public void setTrust(TrustConfiguration trust) {
    this.trust = trust;
  }

  /** How a plugin that misbehaves at run time is contained. */
  @JsonProperty("containment")
  public ContainmentConfiguration getContainment() {
    return containment;
  }

  @JsonProperty("containment")
  public void setContainment(ContainmentConfiguration containment) {
    this.containment = containment;
  }

  /** The HTTP client plugins reach their vendors with. */
  @JsonProperty("http")
  public VendorHttpConfiguration getHttp() {
    return http;
  }

  @JsonProperty("http")
  public void setHttp(VendorHttpConfiguration http) {
    this.http = http;
  }

  private static Path besideTheJar() {
    CodeSource source = ConnectorsConfiguration.class.getProtectionDomain().getCodeSource();
    try {
      return defaultDirectory(source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      // A code source that is no file (a nested or remote jar) has nothing to stand beside.
      return defaultDirectory(null);
    }
  }

  /** {@code plugins} beside {@code codeLocation} when that is a jar file, else in the working directory. */
  static Path defaultDirectory(Path codeLocation) {
    if (codeLocation != null && Files.isRegularFile(codeLocation) && codeLocation.getFileName().toString().endsWith(".jar")) {
      return codeLocation.resolveSibling("plugins");
    }
    return Path.of("plugins");
  }
}
