package io.leadbridge.rollout.internal;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.util.UnleashConfig;
import io.getunleash.util.UnleashScheduledExecutorImpl;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.rollout.RolloutConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the hub's Unleash client in one of its two modes (server, or embedded bootstrap), with the
 * SDK's traps avoided (LIBRARY-NOTES §1.3). Stateless and thread-safe.
 */
public final class UnleashClients {

  /** The name the hub registers under in Unleash (metrics, "last seen"). */
  public static final String APP_NAME = "leadbridge";

  /** Where the last state fetched from the server is kept, under the data directory. */
  public static final String BACKUP_FILE = "rollout/unleash-backup.json";

  /**
   * The backup path of the bootstrap mode, deleted before each start: the SDK reads a backup file
   * before the bootstrap, and a stale one would hide the catalog of this build.
   */
  static final String BOOTSTRAP_MODE_BACKUP_FILE = "rollout/bootstrap-mode-backup.json";

  /** Mandatory even offline; with polling and metrics disabled it is never contacted. */
  private static final String NEVER_CONTACTED = "http://127.0.0.1:1/api/";

  private UnleashClients() {}

  /**
   * A client polling the configured server. It fetches once before it returns (so the hub starts
   * on current flags); if that fails it starts on the backup file and no flag is on without one.
   * The embedded bootstrap is never used here: it opens every connector for every tenant.
   */
  public static Unleash forServer(RolloutConfiguration config, Path dataDirectory, FetchWatch watch) {
    java.time.Duration timeout = config.getFetchTimeout().toJavaDuration();
    UnleashConfig unleash = UnleashConfig.builder()
        .appName(APP_NAME)
        .instanceId(instanceId())
        .unleashAPI(apiUrl(config))
        .apiKey(token(config.apiToken()))
        .fetchTogglesInterval(Math.max(1, config.getRefreshInterval().toSeconds()))
        .fetchTogglesConnectTimeout(timeout)
        .fetchTogglesReadTimeout(timeout)
        .backupFile(prepared(dataDirectory.resolve(BACKUP_FILE)).toString())
        .toggleBootstrapProvider(Optional::empty)
        .synchronousFetchOnInitialisation(true)
        .startupExceptionHandler(watch::startFailed)
        .subscriber(watch)
        .scheduledExecutor(new UnleashScheduledExecutorImpl())
        .build();
    return new DefaultUnleash(unleash);
  }

  /** A client that never leaves the process: the flags module's bootstrap is its only source. */
  public static Unleash forBootstrap(Path dataDirectory) {
    Path backup = prepared(dataDirectory.resolve(BOOTSTRAP_MODE_BACKUP_FILE));
    try {
      Files.deleteIfExists(backup);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + backup, e);
    }
    UnleashConfig unleash = UnleashConfig.builder()
        .appName(APP_NAME)
        .instanceId(instanceId())
        .unleashAPI(NEVER_CONTACTED)
        .backupFile(backup.toString())
        .toggleBootstrapProvider(new EmbeddedBootstrap())
        .disablePolling()
        .disableMetrics()
        .scheduledExecutor(new UnleashScheduledExecutorImpl())
        .build();
    return new DefaultUnleash(unleash);
  }

  /** The SDK wants the API root; the configuration names the server. */
  static String apiUrl(RolloutConfiguration config) {
    String server = config.getServerUrl().toString();
    while (server.endsWith("/")) {
      server = server.substring(0, server.length() - 1);
    }
    return server.endsWith("/api") ? server + "/" : server + "/api/";
  }

  /** Unique per client: the SDK complains about two clients with one app name and instance id in a JVM. */
  private static String instanceId() {
    return APP_NAME + "-" + UUID.randomUUID();
  }

  private static Path prepared(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
  }

  /** The SDK takes the token as a String header value; the bytes are wiped at once. */
  private static String token(SecretValue secret) {
    byte[] bytes = secret.reveal();
    try {
      return new String(bytes, StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
