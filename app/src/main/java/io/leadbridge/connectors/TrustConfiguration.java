package io.leadbridge.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which plugin jars the host admits ({@code connectors.trust}): those whose SHA-256 is listed in
 * {@code allowlistFile} (one hex digest per line, optionally followed by a name; {@code #} starts a
 * comment), and those signed (standard JAR signing) by a publisher whose certificate is in
 * {@code trustStore} (a file of PEM or DER X.509 certificates). With neither set no jar is admitted;
 * there is no switch that trusts every jar. Both files are read again on every reload. Not
 * thread-safe (configuration, read after start-up).
 */
public class TrustConfiguration {

  private Path allowlistFile;
  private Path trustStore;

  /** The operator's list of admitted jar hashes, if any. */
  @JsonProperty("allowlistFile")
  public Optional<Path> getAllowlistFile() {
    return Optional.ofNullable(allowlistFile);
  }

  @JsonProperty("allowlistFile")
  public void setAllowlistFile(Path allowlistFile) {
    this.allowlistFile = allowlistFile;
  }

  /** The certificates of publishers whose signed jars are admitted, if any. */
  @JsonProperty("trustStore")
  public Optional<Path> getTrustStore() {
    return Optional.ofNullable(trustStore);
  }

  @JsonProperty("trustStore")
  public void setTrustStore(Path trustStore) {
    this.trustStore = trustStore;
  }
}
